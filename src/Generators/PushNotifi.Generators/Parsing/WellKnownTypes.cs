using System.Runtime.CompilerServices;

namespace PushNotifi.Generators.Parsing;

/// <summary>
/// The types the parser compares against, looked up once per compilation (not once per method) and compared
/// with <see cref="SymbolEqualityComparer"/>, never by display string.
/// </summary>
internal sealed class WellKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> s_cache = new();

    private WellKnownTypes(Compilation compilation)
    {
        Compilation = compilation;
        AlertAttribute = compilation.GetTypeByMetadataName(AlertAttributeNames.MetadataName);
        RedactAttribute = compilation.GetTypeByMetadataName(AlertAttributeNames.RedactMetadataName);
        Client = compilation.GetTypeByMetadataName(AlertAttributeNames.ClientMetadataName);
        Alerter = compilation.GetTypeByMetadataName(AlertAttributeNames.AlerterMetadataName);
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        AsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        AsyncEnumerator = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerator`1");
        GeneratedCode = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? AlertAttribute { get; }

    public INamedTypeSymbol? RedactAttribute { get; }

    public INamedTypeSymbol? Client { get; }

    public INamedTypeSymbol? Alerter { get; }

    /// <summary>What counts as sending an alert (PNA010); resolved on first use, since only the analyzer asks.</summary>
    public AlertingCalls Alerting => AlertingCalls.For(Compilation);

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? AsyncEnumerable { get; }

    public INamedTypeSymbol? AsyncEnumerator { get; }

    public INamedTypeSymbol? GeneratedCode { get; }

    public static WellKnownTypes For(Compilation compilation) => s_cache.GetValue(compilation, static c => new WellKnownTypes(c));

    public bool IsCancellationToken(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type, CancellationToken);

    public bool IsAlertAttribute(AttributeData attribute) => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, AlertAttribute);

    /// <summary>The method's <c>[PushNotifiAlert]</c>, or null.</summary>
    public AttributeData? AlertAttributeOf(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (IsAlertAttribute(attribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="parameter"/> of <paramref name="declaration"/> is <c>[Redact]</c>.</summary>
    public bool IsRedacted(IParameterSymbol parameter, MethodDeclarationSyntax declaration)
    {
        // Binding a parameter's attributes is costly on a cold compilation; one written without any is not redacted
        // (the other part of the partial method is ours and has none).
        var parameters = declaration.ParameterList.Parameters;
        if (RedactAttribute is null || (parameter.Ordinal < parameters.Count && parameters[parameter.Ordinal].AttributeLists.Count == 0))
        {
            return false;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, RedactAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether this method part was written by our generator (its <c>[GeneratedCode("PushNotifi.Generators", …)]</c>).</summary>
    public bool IsOurGeneratedCode(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, GeneratedCode)
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is Naming.GeneratorName)
            {
                return true;
            }
        }

        return false;
    }
}
