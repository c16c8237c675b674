using Microsoft.CodeAnalysis.Text;
using PushNotifi.Generators.Diagnostics;
using PushNotifi.Generators.Emitting;
using PushNotifi.Generators.Parsing;
using PushNotifi.Generators.Pipeline;

namespace PushNotifi.Generators;

/// <summary>
/// Supplies the bodies of <c>[PushNotifiAlert]</c> partial methods: call, alert once on failure, rethrow. It reports
/// nothing: <see cref="PushNotifiAlertAnalyzer"/> does, at source locations, so that suppressions work.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PushNotifiAlertGenerator : IIncrementalGenerator
{
    /// <summary>Tracking step names, used by the incremental tests.</summary>
    public static class TrackingNames
    {
        /// <summary>The compilation's declarations; unchanged by edits inside method bodies and top-level statements.</summary>
        public const string Declarations = nameof(Declarations);

        /// <summary>The generated files: one per type, with the model of each of its wrappers.</summary>
        public const string Files = nameof(Files);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Gated on declarations rather than driven by ForAttributeWithMetadataName: that re-runs its transform for
        // every attributed method on every keystroke, while the models depend only on declarations (docs/generator.md).
        var files = context.CompilationProvider
            .Select(static (compilation, _) => new DeclarationSnapshot(compilation))
            .WithComparer(DeclarationSnapshotComparer.Instance)
            .WithTrackingName(TrackingNames.Declarations)
            .SelectMany(static (snapshot, ct) => AlertFiles.Group(AlertMethodFinder.ParseAll(snapshot.Compilation, ct)))
            .WithTrackingName(TrackingNames.Files);

        context.RegisterSourceOutput(files, static (spc, file) =>
            spc.AddSource(file.HintName, SourceText.From(AlertEmitter.EmitFile(file), System.Text.Encoding.UTF8)));
    }
}
