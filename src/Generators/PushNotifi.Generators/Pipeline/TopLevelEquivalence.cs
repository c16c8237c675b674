namespace PushNotifi.Generators.Pipeline;

/// <summary>
/// Whether two versions of a tree declare the same things: Roslyn's top-level equivalence, which skips method
/// bodies and non-const field initializers, but also skipping top-level statements, which Roslyn compares in full
/// and which declare nothing a wrapper reads. So typing in a minimal API's <c>Program.cs</c> re-parses nothing.
/// </summary>
internal static class TopLevelEquivalence
{
    public static bool Same(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        if (after.IsEquivalentTo(before, topLevel: true))
        {
            return true;
        }

        var oldRoot = (CompilationUnitSyntax)before.GetRoot(cancellationToken);
        var newRoot = (CompilationUnitSyntax)after.GetRoot(cancellationToken);
        return (HasStatements(oldRoot) || HasStatements(newRoot)) && SameIgnoringStatements(oldRoot, newRoot);
    }

    private static bool HasStatements(CompilationUnitSyntax root)
    {
        foreach (var member in root.Members)
        {
            if (member is GlobalStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameIgnoringStatements(CompilationUnitSyntax before, CompilationUnitSyntax after)
    {
        if (!Same(before.Externs, after.Externs) || !Same(before.Usings, after.Usings) || !Same(before.AttributeLists, after.AttributeLists))
        {
            return false;
        }

        var oldMembers = before.Members.GetEnumerator();
        var newMembers = after.Members.GetEnumerator();
        while (true)
        {
            var hasOld = MoveToDeclaration(ref oldMembers);
            var hasNew = MoveToDeclaration(ref newMembers);
            if (!hasOld || !hasNew)
            {
                return hasOld == hasNew;
            }

            if (!oldMembers.Current.IsEquivalentTo(newMembers.Current, topLevel: true))
            {
                return false;
            }
        }
    }

    private static bool MoveToDeclaration(ref SyntaxList<MemberDeclarationSyntax>.Enumerator members)
    {
        while (members.MoveNext())
        {
            if (members.Current is not GlobalStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same<T>(SyntaxList<T> before, SyntaxList<T> after)
        where T : SyntaxNode
    {
        if (before.Count != after.Count)
        {
            return false;
        }

        for (var i = 0; i < before.Count; i++)
        {
            if (!before[i].IsEquivalentTo(after[i], topLevel: true))
            {
                return false;
            }
        }

        return true;
    }
}
