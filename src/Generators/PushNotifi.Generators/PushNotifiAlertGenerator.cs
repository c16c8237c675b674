using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PushNotifi.Generators;

/// <summary>Supplies the bodies of <c>[PushNotifiAlert]</c> partial methods: call, alert once on failure, rethrow.</summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class PushNotifiAlertGenerator : IIncrementalGenerator
{
    /// <summary>Tracking step names, used by the incremental tests.</summary>
    public static class TrackingNames
    {
        /// <summary>The parsed model and diagnostics of each annotated method.</summary>
        public const string Parse = nameof(Parse);

        /// <summary>The models that produce source.</summary>
        public const string Models = nameof(Models);

        /// <summary>The diagnostics to report.</summary>
        public const string Diagnostics = nameof(Diagnostics);
    }

    private const string AttributeName = "PushNotifi.PushNotifiAlertAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        var models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (spc, model) =>
            spc.AddSource(model.HintName, SourceText.From(Emitter.Emit(model), System.Text.Encoding.UTF8)));
    }
}
