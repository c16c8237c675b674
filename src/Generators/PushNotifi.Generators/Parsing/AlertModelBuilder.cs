using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Parsing;

/// <summary>Turns a valid, parsed declaration into the emitter's model: strings and flags only, no Roslyn object.</summary>
internal static class AlertModelBuilder
{
    public static AlertMethodModel Build(
        IMethodSymbol method,
        MethodDeclarationSyntax syntax,
        ParsedAlert parsed,
        TemplateBinder binder,
        WellKnownTypes types,
        bool nullableEnabled,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var containingType = method.ContainingType;
        var parameters = new List<ParameterModel>(method.Parameters.Length);
        string? cancellationTokenName = null;
        foreach (var p in method.Parameters)
        {
            var isToken = types.IsCancellationToken(p.Type);
            if (isToken && cancellationTokenName is null && p.RefKind is RefKind.None or RefKind.In)
            {
                cancellationTokenName = Naming.Escape(p.Name);
            }

            parameters.Add(new ParameterModel(
                Naming.Escape(p.Name),
                Naming.TypeName(p.Type),
                Naming.RefKindPrefix(p.RefKind),
                p.IsParams,
                p.Ordinal == 0 && method.IsExtensionMethod,
                p.ScopedKind != ScopedKind.None && p.RefKind != RefKind.Out,
                types.IsRedacted(p, syntax),
                isToken,
                binder.IsUsed(p),
                p.RefKind != RefKind.Out && !p.Type.IsRefLikeType && !isToken));
        }

        var typeParameters = TypeParameterList(method);
        var implementation = parsed.Implementation;
        return new AlertMethodModel(
            containingType.ContainingNamespace.IsGlobalNamespace ? null : containingType.ContainingNamespace.ToDisplayString(),
            syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp10 },
            parsed.ContainingTypes,
            nullableEnabled,
            Modifiers(syntax),
            method.ReturnsVoid ? "void" : Naming.TypeName(method.ReturnType),
            ResultType(method.ReturnType, parsed.ReturnKind),
            parsed.ReturnKind,
            Naming.Escape(method.Name),
            typeParameters,
            Constraints(method),
            parameters.ToEquatableArray(),
            Naming.Escape(implementation.Name) + (implementation.TypeParameters.Length == 0 ? string.Empty : typeParameters),
            implementation.IsStatic,
            containingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            parsed.AlerterExpression,
            Naming.MethodDisplayName(method),
            cancellationTokenName,
            parsed.Failure,
            parsed.Success,
            parsed.AlertOnCallerCancellation,
            binder.UsesElapsed);
    }

    private static string Modifiers(MethodDeclarationSyntax syntax)
    {
        var builder = new StringBuilder();
        foreach (var modifier in syntax.Modifiers)
        {
            if (!modifier.IsKind(SyntaxKind.PartialKeyword))
            {
                builder.Append(builder.Length > 0 ? " " : string.Empty).Append(modifier.Text);
            }
        }

        return builder.ToString();
    }

    private static string TypeParameterList(IMethodSymbol method)
    {
        if (method.TypeParameters.Length == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder("<");
        foreach (var typeParameter in method.TypeParameters)
        {
            builder.Append(builder.Length > 1 ? ", " : string.Empty).Append(Naming.Escape(typeParameter.Name));
        }

        return builder.Append('>').ToString();
    }

    private static ImmutableEquatableArray<string> Constraints(IMethodSymbol method)
    {
        var constraints = new List<string>();
        foreach (var typeParameter in method.TypeParameters)
        {
            if (Constraint(typeParameter) is { } constraint)
            {
                constraints.Add(constraint);
            }
        }

        return constraints.ToEquatableArray();
    }

    private static string? Constraint(ITypeParameterSymbol typeParameter)
    {
        var parts = new List<string>();
        if (typeParameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (typeParameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (typeParameter.HasReferenceTypeConstraint)
        {
            parts.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (typeParameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        foreach (var type in typeParameter.ConstraintTypes)
        {
            parts.Add(type.ToDisplayString(Naming.TypeFormat));
        }

        if (typeParameter.HasConstructorConstraint)
        {
            parts.Add("new()");
        }

        if (typeParameter.AllowsRefLikeType)
        {
            parts.Add("allows ref struct");
        }

        return parts.Count == 0 ? null : "where " + Naming.Escape(typeParameter.Name) + " : " + string.Join(", ", parts);
    }

    private static string? ResultType(ITypeSymbol returnType, ReturnKind kind) => kind switch
    {
        ReturnKind.Value => Naming.TypeName(returnType),
        ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT => Naming.TypeName(((INamedTypeSymbol)returnType).TypeArguments[0]),
        _ => null,
    };
}
