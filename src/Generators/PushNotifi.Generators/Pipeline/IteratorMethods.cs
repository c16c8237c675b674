using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PushNotifi.Generators.Pipeline;

/// <summary>
/// The one fact the models read from inside a body: whether a method is an iterator (its work would run outside
/// the wrapper, so it gets none). <see cref="SyntaxTree.IsEquivalentTo"/> at the top level skips bodies, so it
/// cannot see a <c>yield</c> come or go. Directives it does compare, even inside bodies; tests pin that.
/// </summary>
internal static class IteratorMethods
{
    public static bool Same(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        var oldNames = Names(before.GetRoot(cancellationToken));
        var newNames = Names(after.GetRoot(cancellationToken));
        if (oldNames.Count != newNames.Count)
        {
            return false;
        }

        for (var i = 0; i < oldNames.Count; i++)
        {
            if (!string.Equals(oldNames[i], newNames[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The names of the methods whose own body yields, once per <c>yield</c>, in order.</summary>
    private static List<string> Names(SyntaxNode root)
    {
        var names = new List<string>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is YieldStatementSyntax && OwningMethod(node) is { } method)
            {
                names.Add(method.Identifier.ValueText);
            }
        }

        return names;
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
