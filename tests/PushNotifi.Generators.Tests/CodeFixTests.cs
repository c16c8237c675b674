using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PushNotifi.Generators.CodeFixes;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>"Add [PushNotifiAlert]": what it writes, where it is not offered, and that what it writes builds and alerts.</summary>
public class CodeFixTests
{
    private const string Before = ShapeCases.Usings + """
        namespace Demo;

        public class NightlyJobs(IPushNotifiClient pushNotifi)
        {
            public IPushNotifiClient Client => pushNotifi;

            public async Task {|PNA015:RunNightlyReportAsync|}(string jobName, int attempt, string apiToken, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                throw new InvalidOperationException(jobName + attempt + apiToken);
            }
        }
        """;

    private const string After = ShapeCases.Usings + """
        namespace Demo;

        public partial class NightlyJobs(IPushNotifiClient pushNotifi)
        {
            public IPushNotifiClient Client => pushNotifi;

            [PushNotifiAlert("Run nightly report failed", IdempotencyKey = "run-nightly-report:{jobName}:{attempt}")]
            public partial Task RunNightlyReportAsync(string jobName, int attempt, string apiToken, CancellationToken cancellationToken);

            private async Task RunNightlyReportCoreAsync(string jobName, int attempt, string apiToken, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                throw new InvalidOperationException(jobName + attempt + apiToken);
            }
        }
        """;

    [Fact]
    public async Task The_fix_makes_a_partial_alerting_declaration_and_moves_the_body_into_the_Core_method()
    {
        await Verify(Before, After);
    }

    [Fact]
    public async Task A_static_method_in_a_nested_type_keeps_static_and_every_containing_type_becomes_partial()
    {
        const string before = ShapeCases.Usings + """
            namespace Demo;

            public static class Outer
            {
                public static class Maintenance
                {
                    internal static void {|PNA015:Apply|}(string folder) => _ = folder;
                }
            }
            """;
        const string after = ShapeCases.Usings + """
            namespace Demo;

            public static partial class Outer
            {
                public static partial class Maintenance
                {
                    [PushNotifiAlert("Apply failed", IdempotencyKey = "apply:{folder}")]
                    internal static partial void Apply(string folder);

                    private static void ApplyCore(string folder) => _ = folder;
                }
            }
            """;
        await Verify(before, after);
    }

    [Fact]
    public async Task A_method_below_another_member_keeps_its_blank_line_and_doc_comment_above_the_attribute()
    {
        const string before = ShapeCases.Usings + """
            namespace Demo;

            public class Jobs
            {
                private void OtherCore(string name) => _ = name;

                /// <summary>Stops the job.</summary>
                [Obsolete("Use Halt")]
                public void {|PNA015:Stop|}(string name) => _ = name;

                static void {|PNA015:Clean|}(int id)
                {
                    _ = id;
                }
            }
            """;
        const string after = ShapeCases.Usings + """
            namespace Demo;

            public partial class Jobs
            {
                private void OtherCore(string name) => _ = name;

                /// <summary>Stops the job.</summary>
                [PushNotifiAlert("Stop failed", IdempotencyKey = "stop:{name}")]
                [Obsolete("Use Halt")]
                public partial void Stop(string name);

                private void StopCore(string name) => _ = name;

                [PushNotifiAlert("Clean failed", IdempotencyKey = "clean:{id}")]
                private static partial void Clean(int id);

                private static void CleanCore(int id)
                {
                    _ = id;
                }
            }
            """;
        await Verify(before, after);
    }

    [Fact]
    public async Task The_fix_is_not_offered_where_the_method_already_sends_an_alert()
    {
        const string source = ShapeCases.Usings + """
            namespace Demo;

            public class Jobs(IPushNotifiClient client)
            {
                public async Task {|PNA015:RunAsync|}(string name) => await client.SendAsync(PushNotifiMessage.ToDefaultGroup("t", name));
            }
            """;
        await Verify(source, source);
    }

    [Fact]
    public async Task The_candidate_is_not_reported_on_partial_methods_or_Core_implementations()
    {
        await Verify(After, After);
    }

    [Fact]
    public async Task What_the_fix_writes_builds_without_errors_and_alerts_through_the_generated_wrapper()
    {
        var compilation = GeneratorHarness.Compile(After);
        var (result, output) = GeneratorHarness.Run(compilation);

        Assert.Single(Assert.Single(result.Results).GeneratedSources);
        Assert.Empty(GeneratorHarness.CompilerProblems(output));
        Assert.DoesNotContain(await GeneratorHarness.AnalyzeAsync(compilation), d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private static Task Verify(string source, string fixedSource) =>
        CreateTest([source], [fixedSource]).RunAsync();

    private static CSharpCodeFixTest<AlertCandidateAnalyzer, AddPushNotifiAlertCodeFix, DefaultVerifier> CreateTest(string[] sources, string[] fixedSources)
    {
        var test = new CSharpCodeFixTest<AlertCandidateAnalyzer, AddPushNotifiAlertCodeFix, DefaultVerifier>
        {
            // The tests' own runtime and PushNotifi, not a reference pack downloaded from NuGet.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            // The fixed code needs the generator's implementation part; What_the_fix_writes_builds… builds it with the generator.
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        test.TestState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test;
    }
}
