using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PushNotifi.Generators.Parsing;

namespace PushNotifi.Generators.Diagnostics;

/// <summary>
/// Reports PNA001–PNA010, PNA012–PNA014 and PNA016 about <c>[PushNotifiAlert]</c> methods at their source locations, so
/// <c>#pragma</c>, <c>[SuppressMessage]</c>, <c>.editorconfig</c> and <c>NoWarn</c> all apply (a generator's
/// diagnostics ignore pragmas, dotnet/runtime#92509). It runs the generator's own parser.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PushNotifiAlertAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownPlaceholder,
        DiagnosticDescriptors.UnusedParameter,
        DiagnosticDescriptors.MissingImplementation,
        DiagnosticDescriptors.ImplementationMismatch,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.AmbiguousClient,
        DiagnosticDescriptors.MissingIdempotencyKey,
        DiagnosticDescriptors.SecretParameterNotRedacted,
        DiagnosticDescriptors.ImplementationAlreadyAlerts,
        DiagnosticDescriptors.NotPartialDeclaration,
        DiagnosticDescriptors.InvalidTemplate,
        DiagnosticDescriptors.PlaceholderUnavailable,
        DiagnosticDescriptors.FileLocalContainingType);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypes.For(start.Compilation);
            if (types.AlertAttribute is not null)
            {
                start.RegisterSymbolStartAction(symbolStart => AnalyzeType(symbolStart, types), SymbolKind.NamedType);
            }
        });
    }

    /// <summary>
    /// Per type with annotated methods: notes which of its methods send an alert (PNA010; see
    /// <see cref="AlertingCalls.IsAlertingCall"/>) while its members are analyzed, then checks each annotated method
    /// once the whole type has been seen.
    /// </summary>
    private static void AnalyzeType(SymbolStartAnalysisContext context, WellKnownTypes types)
    {
        var annotated = new List<(IMethodSymbol Method, AttributeData Attribute)>();
        foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
        {
            if (member is IMethodSymbol method && types.AlertAttributeOf(method) is { } attribute)
            {
                annotated.Add((method, attribute));
            }
        }

        if (annotated.Count == 0)
        {
            return;
        }

        var alerting = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        var alertingCalls = types.Alerting;
        context.RegisterOperationAction(
            operation =>
            {
                if (alertingCalls.IsAlertingCall(((IInvocationOperation)operation.Operation).TargetMethod))
                {
                    alerting.TryAdd(operation.ContainingSymbol, true);
                }
            },
            OperationKind.Invocation);

        context.RegisterSymbolEndAction(end =>
        {
            foreach (var (method, attribute) in annotated)
            {
                AlertMethodParser.Analyze(method, attribute, types, alerting.ContainsKey, end.ReportDiagnostic, end.CancellationToken);
            }
        });
    }
}
