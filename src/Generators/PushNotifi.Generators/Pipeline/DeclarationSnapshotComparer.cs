namespace PushNotifi.Generators.Pipeline;

/// <summary>
/// Equal when the declarations are: the same references and options, and every tree either the same object or
/// equivalent at the top level (<see cref="TopLevelEquivalence"/>: Roslyn's own test, used by the IDE to decide
/// whether dependent projects must rebind), with the same <see cref="NullableDirectives"/> and
/// <see cref="IteratorMethods"/>. Only edited trees are compared, each with a walk of both versions (the iterator
/// check reads bodies), never a pass over every method.
/// </summary>
internal sealed class DeclarationSnapshotComparer : IEqualityComparer<DeclarationSnapshot>
{
    public static readonly DeclarationSnapshotComparer Instance = new();

    private DeclarationSnapshotComparer()
    {
    }

    public bool Equals(DeclarationSnapshot? x, DeclarationSnapshot? y)
    {
        if (ReferenceEquals(x, y) || ReferenceEquals(x?.Compilation, y?.Compilation))
        {
            return true;
        }

        if (x is null || y is null
            || !string.Equals(x.Compilation.AssemblyName, y.Compilation.AssemblyName, StringComparison.Ordinal)
            || !x.Compilation.Options.Equals(y.Compilation.Options)
            || !SameReferences(x.References, y.References)
            || x.Trees.Count != y.Trees.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Trees.Count; i++)
        {
            if (!SameDeclarations(x.Trees[i], y.Trees[i]))
            {
                return false;
            }
        }

        return true;
    }

    // The tree count is enough: the incremental pipeline only ever calls Equals (a step's new value against its own
    // previous one), never hashes a snapshot, and there is one snapshot per run, so no table ever holds two. The count
    // keeps the contract (equal snapshots have equal counts); hashing the trees' declarations would cost the walk
    // that Equals saves by skipping unedited trees.
    public int GetHashCode(DeclarationSnapshot obj) => obj.Trees.Count;

    private static bool SameReferences(IReadOnlyList<MetadataReference> x, IReadOnlyList<MetadataReference> y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!ReferenceEquals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    // The comparer gets no cancellation token; an edited tree is walked once here, and only the edited ones.
    private static bool SameDeclarations(SyntaxTree before, SyntaxTree after) =>
        ReferenceEquals(before, after)
        || (string.Equals(before.FilePath, after.FilePath, StringComparison.Ordinal)
            && before.Options.Equals(after.Options)
            && TopLevelEquivalence.Same(before, after, CancellationToken.None)
            && NullableDirectives.Same(before, after, CancellationToken.None)
            && IteratorMethods.Same(before, after, CancellationToken.None));
}
