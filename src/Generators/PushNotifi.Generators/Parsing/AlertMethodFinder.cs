using PushNotifi.Generators.Model;

namespace PushNotifi.Generators.Parsing;

/// <summary>
/// Finds every <c>[PushNotifiAlert]</c> partial declaration in a compilation and parses each into a model. It
/// walks declarations only, never bodies, and binds only the methods whose attribute's name could be ours: the
/// attribute's own name, or any name in a file where a using alias could stand for it.
/// </summary>
/// <remarks>
/// This stands in for <c>ForAttributeWithMetadataName</c>, whose transform re-runs for every attributed method on
/// every edit; here the whole pass runs only when a declaration changes (see <c>DeclarationSnapshotComparer</c>).
/// </remarks>
internal static class AlertMethodFinder
{
    public static ImmutableEquatableArray<AlertMethodModel> ParseAll(Compilation compilation, CancellationToken cancellationToken)
    {
        var types = WellKnownTypes.For(compilation);
        if (types.AlertAttribute is null)
        {
            return ImmutableEquatableArray<AlertMethodModel>.Empty;
        }

        var anyGlobalAlias = HasGlobalAlias(compilation, cancellationToken);
        var models = new List<AlertMethodModel>();
        var candidates = new List<MethodDeclarationSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
            candidates.Clear();
            Collect(root.Members, anyGlobalAlias || HasAlias(root.Usings), candidates);
            if (candidates.Count == 0)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var syntax in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (model.GetDeclaredSymbol(syntax, cancellationToken) is { } method
                    && types.AlertAttributeOf(method) is { } attribute
                    && AlertMethodParser.ParseForGenerator(method, syntax, attribute, model, types, cancellationToken) is { } parsed)
                {
                    models.Add(parsed);
                }
            }
        }

        return models.ToEquatableArray();
    }

    private static void Collect(SyntaxList<MemberDeclarationSyntax> members, bool anyName, List<MethodDeclarationSyntax> candidates)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    Collect(ns.Members, anyName || HasAlias(ns.Usings), candidates);
                    break;
                case TypeDeclarationSyntax type:
                    Collect(type.Members, anyName, candidates);
                    break;
                case MethodDeclarationSyntax method when IsCandidateShape(method) && MightBeOurs(method.AttributeLists, anyName):
                    candidates.Add(method);
                    break;
            }
        }
    }

    // A body-less partial part; anything else gets no wrapper (the analyzer says why), so it is not worth binding.
    private static bool IsCandidateShape(MethodDeclarationSyntax method) =>
        method.AttributeLists.Count > 0 && method.Body is null && method.ExpressionBody is null
        && method.Modifiers.Any(SyntaxKind.PartialKeyword);

    private static bool MightBeOurs(SyntaxList<AttributeListSyntax> lists, bool anyName)
    {
        if (anyName)
        {
            return true;
        }

        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (AlertAttributeSyntax.HasOurName(attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasAlias(SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasGlobalAlias(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var directive in ((CompilationUnitSyntax)tree.GetRoot(cancellationToken)).Usings)
            {
                if (directive.Alias is not null && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
