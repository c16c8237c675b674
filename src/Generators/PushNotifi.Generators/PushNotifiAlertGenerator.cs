using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PushNotifi.Generators.Emitting;
using PushNotifi.Generators.Parsing;

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
        /// <summary>The model of each annotated method, or null when it cannot be emitted.</summary>
        public const string Parse = nameof(Parse);

        /// <summary>The models that produce source.</summary>
        public const string Models = nameof(Models);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AlertAttributeNames.MetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => AlertMethodParser.ParseForGenerator(ctx, ct))
            .WithTrackingName(TrackingNames.Parse)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Models);

        context.RegisterSourceOutput(models, static (spc, model) =>
            spc.AddSource(model.HintName, SourceText.From(AlertEmitter.Emit(model), System.Text.Encoding.UTF8)));
    }
}
