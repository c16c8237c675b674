using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PushNotifi;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Finds the same <c>[PushNotifiAlert]</c> methods as the real generator through ForAttributeWithMetadataName, but
/// its transform does nothing and it writes nothing: what Roslyn alone costs any attribute-driven generator per run.
/// Roslyn re-runs such a transform for every attributed method whenever the compilation changes.
/// </summary>
public sealed class AttributeFloorGenerator : IIncrementalGenerator
{
    /// <summary>The step whose outputs are the methods found; the benchmark's setup checks that it finds all of them.</summary>
    public const string TrackingName = "Methods";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider.ForAttributeWithMetadataName(
            typeof(PushNotifiAlertAttribute).FullName!,
            static (node, _) => node is MethodDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name.Length)
            .WithTrackingName(TrackingName);
        context.RegisterSourceOutput(methods.Collect(), static (_, _) => { });
    }
}
