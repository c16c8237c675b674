using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>Every way a user silences a diagnostic works on the analyzer's PushNotifi diagnostics, as on any other.</summary>
public class SuppressionTests
{
    private const string WithoutKey = ShapeCases.Usings + """
        namespace Demo;

        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}")]
            public partial void Run(int id);
            private void RunCore(int id) { }
        }
        """;

    [Fact]
    public async Task The_unsuppressed_control_case_reports_PNA008()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(GeneratorHarness.Compile(WithoutKey));
        Assert.Contains(diagnostics, d => d.Id == "PNA008" && !d.IsSuppressed);
    }

    [Fact]
    public async Task A_pragma_around_the_method_suppresses_PNA008()
    {
        var source = WithoutKey
            .Replace("    [PushNotifiAlert", "#pragma warning disable PNA008 // the default key is fine here\n    [PushNotifiAlert", StringComparison.Ordinal)
            .Replace("public partial void Run(int id);", "public partial void Run(int id);\n#pragma warning restore PNA008", StringComparison.Ordinal);
        AssertSuppressed(await GeneratorHarness.AnalyzeAsync(GeneratorHarness.Compile(source)), "PNA008", visibleAsSuppressed: true);
    }

    [Fact]
    public async Task A_pragma_also_suppresses_an_error_level_diagnostic()
    {
        var source = ShapeCases.Usings + """
            namespace Demo;

            public partial class Jobs
            {
            #pragma warning disable PNA001
                [PushNotifiAlert("Failed {nope}", IdempotencyKey = "k:{id}")]
            #pragma warning restore PNA001
                public partial void Run(int id);
                private void RunCore(int id) { }
            }
            """;
        AssertSuppressed(await GeneratorHarness.AnalyzeAsync(GeneratorHarness.Compile(source)), "PNA001", visibleAsSuppressed: true);
    }

    [Fact]
    public async Task SuppressMessage_on_the_method_suppresses_PNA008()
    {
        var source = WithoutKey.Replace(
            "    [PushNotifiAlert",
            "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"PushNotifi.Alerts\", \"PNA008:No idempotency key\", Justification = \"test\")]\n    [PushNotifiAlert",
            StringComparison.Ordinal);
        AssertSuppressed(await GeneratorHarness.AnalyzeAsync(GeneratorHarness.Compile(source)), "PNA008", visibleAsSuppressed: true);
    }

    [Fact]
    public async Task SuppressMessage_on_the_assembly_with_a_target_suppresses_PNA008()
    {
        var source = WithoutKey.Replace(
            "namespace Demo;",
            "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"PushNotifi.Alerts\", \"PNA008\", Scope = \"member\", Target = \"~M:Demo.Jobs.Run(System.Int32)\")]\n\nnamespace Demo;",
            StringComparison.Ordinal);
        AssertSuppressed(await GeneratorHarness.AnalyzeAsync(GeneratorHarness.Compile(source)), "PNA008", visibleAsSuppressed: true);
    }

    [Fact]
    public async Task An_editorconfig_severity_of_none_suppresses_PNA008()
    {
        var config = AnalyzerConfig.Parse("""
            root = true

            [*.cs]
            dotnet_diagnostic.PNA008.severity = none
            """, "/src/.editorconfig");
        var treeOptions = AnalyzerConfigSet.Create(ImmutableArray.Create(config)).GetOptionsForSourcePath("/src/Source0.cs").TreeOptions;
        var compilation = GeneratorHarness.Compile(WithoutKey);
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new EditorConfigOptions(treeOptions)));

        AssertSuppressed(await GeneratorHarness.AnalyzeAsync(compilation), "PNA008");
    }

    [Fact]
    public async Task NoWarn_suppresses_PNA008()
    {
        var compilation = GeneratorHarness.Compile(WithoutKey);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("PNA008", ReportDiagnostic.Suppress)));

        AssertSuppressed(await GeneratorHarness.AnalyzeAsync(compilation), "PNA008");
    }

    [Fact]
    public void Suppressing_a_diagnostic_still_generates_the_wrapper()
    {
        var compilation = GeneratorHarness.Compile(WithoutKey);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("PNA008", ReportDiagnostic.Suppress)));
        var (result, output) = GeneratorHarness.Run(compilation);

        Assert.Single(Assert.Single(result.Results).GeneratedSources);
        Assert.Empty(GeneratorHarness.CompilerProblems(output));
    }

    /// <summary>Not reported; a pragma or [SuppressMessage] leaves it visible as suppressed, as the IDE shows it.</summary>
    private static void AssertSuppressed(ImmutableArray<Diagnostic> diagnostics, string id, bool visibleAsSuppressed = false)
    {
        Assert.DoesNotContain(diagnostics, d => d.Id == id && !d.IsSuppressed);
        if (visibleAsSuppressed)
        {
            Assert.Contains(diagnostics, d => d.Id == id && d.IsSuppressed);
        }
    }

    /// <summary>What the compiler builds from .editorconfig files, here from one parsed by Roslyn's own parser.</summary>
    private sealed class EditorConfigOptions(ImmutableDictionary<string, ReportDiagnostic> options) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            options.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }
}
