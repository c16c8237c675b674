using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Parsing;

/// <summary>Whether the declaration has a shape a wrapper can be written for: partial, in partial types, a wrappable return.</summary>
internal static class DeclarationShape
{
    /// <summary>A partial declaration without a body, whose implementation part (if any) is ours.</summary>
    public static bool IsPartialDeclaration(IMethodSymbol method, MethodDeclarationSyntax syntax, WellKnownTypes types) =>
        syntax.Modifiers.Any(SyntaxKind.PartialKeyword) && syntax.Body is null && syntax.ExpressionBody is null
        && (method.PartialImplementationPart is null || types.IsOurGeneratedCode(method.PartialImplementationPart));

    /// <summary>Whether an error type appears in the signature: the compiler reports it, nothing can be generated.</summary>
    public static bool HasErrorTypes(IMethodSymbol method)
    {
        if (IsError(method.ReturnType))
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            if (IsError(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The enclosing type headers, outermost first; the first type that is not partial, or that is file-local (its
    /// parts cannot leave its file, so the generated part cannot extend it), if any.
    /// </summary>
    public static ImmutableEquatableArray<ContainingTypeModel> ContainingTypes(MethodDeclarationSyntax syntax, out TypeDeclarationSyntax? notPartial, out TypeDeclarationSyntax? fileLocal)
    {
        notPartial = null;
        fileLocal = null;
        var list = new List<ContainingTypeModel>();
        for (var node = syntax.Parent; node is not null; node = node.Parent)
        {
            if (node is not TypeDeclarationSyntax type)
            {
                continue;
            }

            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                notPartial = type;
                return ImmutableEquatableArray<ContainingTypeModel>.Empty;
            }

            if (type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                fileLocal = type;
                return ImmutableEquatableArray<ContainingTypeModel>.Empty;
            }

            list.Insert(0, new ContainingTypeModel(Keyword(type), Naming.Escape(type.Identifier.ValueText), TypeParameters(type)));
        }

        return list.ToEquatableArray();
    }

    /// <summary>How the wrapper awaits the result; null with a reason for iterators, async streams and ref returns.</summary>
    public static ReturnKind? ClassifyReturn(IMethodSymbol method, WellKnownTypes types, IMethodSymbol? implementation, CancellationToken cancellationToken, out string? unsupported)
    {
        unsupported = null;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            unsupported = "ref returns cannot be wrapped";
            return null;
        }

        if (method.ReturnsVoid)
        {
            return ReturnKind.Void;
        }

        var definition = method.ReturnType.OriginalDefinition;
        if (Is(definition, types.Task))
        {
            return ReturnKind.Task;
        }

        if (Is(definition, types.TaskOfT))
        {
            return ReturnKind.TaskOfT;
        }

        if (Is(definition, types.ValueTask))
        {
            return ReturnKind.ValueTask;
        }

        if (Is(definition, types.ValueTaskOfT))
        {
            return ReturnKind.ValueTaskOfT;
        }

        if (Is(definition, types.AsyncEnumerable) || Is(definition, types.AsyncEnumerator))
        {
            unsupported = "async streams run after the call returns, outside the wrapper";
            return null;
        }

        if (definition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IEnumerator_T
                or SpecialType.System_Collections_IEnumerable or SpecialType.System_Collections_IEnumerator
            && implementation is not null && ImplementationMatcher.IsIterator(implementation, cancellationToken))
        {
            unsupported = "iterators run after the call returns, outside the wrapper";
            return null;
        }

        return ReturnKind.Value;
    }

    private static bool Is(ITypeSymbol type, INamedTypeSymbol? wellKnown) =>
        wellKnown is not null && SymbolEqualityComparer.Default.Equals(type, wellKnown);

    private static bool IsError(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => IsError(array.ElementType),
        IPointerTypeSymbol pointer => IsError(pointer.PointedAtType),
        INamedTypeSymbol { IsGenericType: true } named => AnyError(named.TypeArguments),
        _ => false,
    };

    private static bool AnyError(System.Collections.Immutable.ImmutableArray<ITypeSymbol> types)
    {
        foreach (var type in types)
        {
            if (IsError(type))
            {
                return true;
            }
        }

        return false;
    }

    // The header keeps what another part must repeat (ref, readonly, unsafe) and the record kind.
    private static string Keyword(TypeDeclarationSyntax type)
    {
        var keyword = new StringBuilder();
        foreach (var modifier in type.Modifiers)
        {
            if (modifier.IsKind(SyntaxKind.RefKeyword) || modifier.IsKind(SyntaxKind.ReadOnlyKeyword) || modifier.IsKind(SyntaxKind.UnsafeKeyword))
            {
                keyword.Append(modifier.Text).Append(' ');
            }
        }

        keyword.Append("partial ").Append(type.Keyword.Text);
        if (type is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.None))
        {
            keyword.Append(' ').Append(record.ClassOrStructKeyword.Text);
        }

        return keyword.ToString();
    }

    private static string TypeParameters(TypeDeclarationSyntax type)
    {
        if (type.TypeParameterList is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder("<");
        foreach (var parameter in type.TypeParameterList.Parameters)
        {
            builder.Append(builder.Length > 1 ? ", " : string.Empty).Append(Naming.Escape(parameter.Identifier.ValueText));
        }

        return builder.Append('>').ToString();
    }
}
