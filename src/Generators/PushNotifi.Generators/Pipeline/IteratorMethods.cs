using System.Linq;

namespace PushNotifi.Generators.Pipeline;

/// <summary>
/// The one fact the models read from inside a body: whether a method is an iterator (its work would run outside
/// the wrapper, so it gets none). <see cref="SyntaxTree.IsEquivalentTo"/> at the top level skips bodies, so it
/// cannot see a <c>yield</c> come or go, or move between two methods of the same name in different types.
/// </summary>
internal static class IteratorMethods
{
    public static bool Same(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken) =>
        Names(before.GetRoot(cancellationToken)).SequenceEqual(Names(after.GetRoot(cancellationToken)), StringComparer.Ordinal);

    /// <summary>The methods whose own body yields (type, name, parameter count), once per <c>yield</c>, in order.</summary>
    private static List<string> Names(SyntaxNode root)
    {
        var names = new List<string>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is YieldStatementSyntax && OwningMethod(node) is { } method)
            {
                names.Add(Owner(method));
            }
        }

        return names;
    }

    private static string Owner(MethodDeclarationSyntax method)
    {
        var name = new StringBuilder(method.Identifier.ValueText).Append('/').Append(method.ParameterList.Parameters.Count);
        for (var type = method.Parent as TypeDeclarationSyntax; type is not null; type = type.Parent as TypeDeclarationSyntax)
        {
            name.Insert(0, type.Identifier.ValueText + ".");
        }

        return name.ToString();
    }

    private static MethodDeclarationSyntax? OwningMethod(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case MethodDeclarationSyntax method:
                    return method;
                case LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }
}
