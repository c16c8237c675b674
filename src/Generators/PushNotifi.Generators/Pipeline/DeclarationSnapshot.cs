using System.Linq;

namespace PushNotifi.Generators.Pipeline;

/// <summary>
/// A compilation as the generator sees it: its trees, references and options. Two snapshots compare equal (see
/// <see cref="DeclarationSnapshotComparer"/>) when every declaration the models are built from is the same, so an
/// edit inside a method body re-runs nothing after this step.
/// </summary>
/// <remarks>
/// It keeps the compilation it was taken from, because the models are parsed from it. While edits stay inside
/// bodies, the pipeline keeps that older compilation alive: one extra compilation at most, released at the next
/// change to a declaration.
/// </remarks>
internal sealed class DeclarationSnapshot
{
    public DeclarationSnapshot(Compilation compilation)
    {
        Compilation = compilation;
        Trees = compilation.SyntaxTrees.ToArray();
        References = compilation.References.ToArray();
    }

    public Compilation Compilation { get; }

    public IReadOnlyList<SyntaxTree> Trees { get; }

    public IReadOnlyList<MetadataReference> References { get; }
}
