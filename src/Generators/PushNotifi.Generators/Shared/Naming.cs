using System.Globalization;

namespace PushNotifi.Generators.Shared;

/// <summary>How generated code names things: implementation methods, identifiers, display names and hint names.</summary>
internal static class Naming
{
    /// <summary>The tool name in <c>[GeneratedCode]</c>, which also tells the analyzer which method parts are ours.</summary>
    public const string GeneratorName = "PushNotifi.Generators";

    /// <summary>Type names as the emitted code writes them: fully qualified, nullable annotations kept.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// <paramref name="type"/> in <see cref="TypeFormat"/>. The keyword types are written directly: they are most
    /// parameters, and the display visitor costs far more than the string it returns.
    /// </summary>
    public static string TypeName(ITypeSymbol type)
    {
        var keyword = type.SpecialType switch
        {
            SpecialType.System_Object => "object",
            SpecialType.System_Boolean => "bool",
            SpecialType.System_Char => "char",
            SpecialType.System_SByte => "sbyte",
            SpecialType.System_Byte => "byte",
            SpecialType.System_Int16 => "short",
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int32 => "int",
            SpecialType.System_UInt32 => "uint",
            SpecialType.System_Int64 => "long",
            SpecialType.System_UInt64 => "ulong",
            SpecialType.System_Decimal => "decimal",
            SpecialType.System_Single => "float",
            SpecialType.System_Double => "double",
            SpecialType.System_String => "string",
            _ => null,
        };
        return keyword is null ? type.ToDisplayString(TypeFormat)
            : type.NullableAnnotation == NullableAnnotation.Annotated && type.IsReferenceType ? keyword + "?"
            : keyword;
    }

    /// <summary><c>RunAsync</c> → <c>RunCoreAsync</c>, <c>Apply</c> → <c>ApplyCore</c>.</summary>
    public static string DefaultImplementationName(string name) =>
        name.EndsWith(AlertDefaults.AsyncSuffix, StringComparison.Ordinal) && name.Length > AlertDefaults.AsyncSuffix.Length
            ? name.Substring(0, name.Length - AlertDefaults.AsyncSuffix.Length) + AlertDefaults.ImplementationSuffix + AlertDefaults.AsyncSuffix
            : name + AlertDefaults.ImplementationSuffix;

    /// <summary>An identifier that may be a keyword, as source (<c>@class</c>).</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary><c>Outer.Inner.Method</c>, the <c>{Method}</c> placeholder.</summary>
    public static string MethodDisplayName(IMethodSymbol method)
    {
        var builder = new StringBuilder(method.Name);
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            builder.Insert(0, '.').Insert(0, type.Name);
        }

        return builder.ToString();
    }

    /// <summary><c>Namespace.Outer.Inner.Method</c>, the start of the default idempotency key.</summary>
    public static string FullMethodName(IMethodSymbol method) =>
        (method.ContainingType.ContainingNamespace.IsGlobalNamespace ? string.Empty : method.ContainingType.ContainingNamespace.ToDisplayString() + ".")
        + MethodDisplayName(method);

    public static string RefKindPrefix(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => string.Empty,
    };
}
