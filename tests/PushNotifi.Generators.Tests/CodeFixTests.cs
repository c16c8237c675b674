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

    [Theory]
    [InlineData("the static default client", "await PushNotifiAlerts.DefaultClient.SendAsync(PushNotifiMessage.ToDefaultGroup(\"t\", name))")]
    [InlineData("the webhook", "await webhook.SendAsync(\"t\", name)")]
    [InlineData("the runtime's alert context", "await PushNotifiAlertRuntime.Success(null, 0, name).SendAsync(CancellationToken.None)")]
    [InlineData("the runtime's synchronous send in a lambda", "await Task.Run(() => PushNotifiAlertRuntime.Success(null, 0, name).Send(CancellationToken.None))")]
    public async Task The_fix_is_not_offered_where_the_method_already_sends_through_any_receiver(string receiver, string call)
    {
        var source = ShapeCases.Usings + $$"""
            namespace Demo;

            public class Jobs(IPushNotifiWebhook webhook)
            {
                // Sends through {{receiver}}.
                public async Task {|PNA015:RunAsync|}(string name)
                {
                    {{call}};
                }
            }
            """;
        await Verify(source, source);
    }

    [Fact]
    public async Task The_fix_is_offered_where_the_method_calls_an_unrelated_SendAsync_on_another_type()
    {
        const string before = ShapeCases.Usings + """
            namespace Demo;

            public interface IMailer
            {
                Task SendAsync(PushNotifiMessage message);
            }

            public class Jobs(IMailer mailer)
            {
                public async Task {|PNA015:RunAsync|}(string name) => await mailer.SendAsync(PushNotifiMessage.ToDefaultGroup("t", name));
            }
            """;
        const string after = ShapeCases.Usings + """
            namespace Demo;

            public interface IMailer
            {
                Task SendAsync(PushNotifiMessage message);
            }

            public partial class Jobs(IMailer mailer)
            {
                [PushNotifiAlert("Run failed", IdempotencyKey = "run:{name}")]
                public partial Task RunAsync(string name);

                private async Task RunCoreAsync(string name) => await mailer.SendAsync(PushNotifiMessage.ToDefaultGroup("t", name));
            }
            """;
        await Verify(before, after);
    }

    [Fact]
    public async Task The_candidate_is_not_reported_on_partial_methods_or_Core_implementations()
    {
        await Verify(After, After);
    }

    [Fact]
    public async Task The_candidate_is_not_reported_in_a_file_local_type_or_a_type_nested_in_one()
    {
        const string Source = """
            using System.Threading.Tasks;

            file class Local
            {
                public Task RunAsync(string name) => Task.CompletedTask;

                private class Nested
                {
                    public void Apply(int id) => _ = id;
                }
            }
            """;
        await Verify(Source, Source);
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

    [Fact]
    public async Task Fix_all_wraps_every_method_of_a_type_makes_the_type_partial_once_and_leaves_a_method_that_alerts_alone()
    {
        const string before = ShapeCases.Usings + """
            namespace Demo;

            public class Jobs(IPushNotifiClient client)
            {
                public async Task {|PNA015:RunAsync|}(string name)
                {
                    await Task.Delay(1);
                }

                public void {|PNA015:Apply|}(int id) => _ = id;

                public async Task {|PNA015:NotifyAsync|}(string name) => await client.SendAsync(PushNotifiMessage.ToDefaultGroup("t", name));

                public int {|PNA015:Count|}(Guid batch) => batch.GetHashCode();
            }
            """;
        const string after = ShapeCases.Usings + """
            namespace Demo;

            public partial class Jobs(IPushNotifiClient client)
            {
                [PushNotifiAlert("Run failed", IdempotencyKey = "run:{name}")]
                public partial Task RunAsync(string name);

                private async Task RunCoreAsync(string name)
                {
                    await Task.Delay(1);
                }

                [PushNotifiAlert("Apply failed", IdempotencyKey = "apply:{id}")]
                public partial void Apply(int id);

                private void ApplyCore(int id) => _ = id;

                public async Task {|PNA015:NotifyAsync|}(string name) => await client.SendAsync(PushNotifiMessage.ToDefaultGroup("t", name));

                [PushNotifiAlert("Count failed", IdempotencyKey = "count:{batch}")]
                public partial int Count(Guid batch);

                private int CountCore(Guid batch) => batch.GetHashCode();
            }
            """;
        await VerifyFixAll([before], [after], incrementalIterations: 3, documentIterations: 1);
    }

    [Fact]
    public async Task Fix_all_makes_a_nested_type_its_outer_type_and_a_second_type_in_the_file_partial()
    {
        const string before = ShapeCases.Usings + """
            namespace Demo;

            public class Outer
            {
                public void {|PNA015:Prepare|}(string folder) => _ = folder;

                public static class Maintenance
                {
                    public static void {|PNA015:Apply|}(string folder) => _ = folder;

                    internal static Task {|PNA015:CleanAsync|}(string folder) => Task.CompletedTask;
                }
            }

            struct Importer
            {
                public int {|PNA015:Import|}(string file) => file.Length;
            }
            """;
        const string after = ShapeCases.Usings + """
            namespace Demo;

            public partial class Outer
            {
                [PushNotifiAlert("Prepare failed", IdempotencyKey = "prepare:{folder}")]
                public partial void Prepare(string folder);

                private void PrepareCore(string folder) => _ = folder;

                public static partial class Maintenance
                {
                    [PushNotifiAlert("Apply failed", IdempotencyKey = "apply:{folder}")]
                    public static partial void Apply(string folder);

                    private static void ApplyCore(string folder) => _ = folder;

                    [PushNotifiAlert("Clean failed", IdempotencyKey = "clean:{folder}")]
                    internal static partial Task CleanAsync(string folder);

                    private static Task CleanCoreAsync(string folder) => Task.CompletedTask;
                }
            }

            partial struct Importer
            {
                [PushNotifiAlert("Import failed", IdempotencyKey = "import:{file}")]
                public partial int Import(string file);

                private int ImportCore(string file) => file.Length;
            }
            """;
        await VerifyFixAll([before], [after], incrementalIterations: 4, documentIterations: 1);
    }

    [Fact]
    public async Task Fix_all_in_the_project_fixes_every_file_in_one_pass_and_adds_the_using_once_per_file()
    {
        const string first = ShapeCases.Usings + """
            namespace Demo;

            public class Jobs
            {
                public void {|PNA015:Run|}(string name) => _ = name;

                public void {|PNA015:Stop|}(string name) => _ = name;
            }
            """;
        const string second = """
            namespace Demo.Reports;

            public class Reports
            {
                public void {|PNA015:Render|}(int id) => _ = id;

                public void {|PNA015:Send|}(int id) => _ = id;
            }
            """;
        const string firstFixed = ShapeCases.Usings + """
            namespace Demo;

            public partial class Jobs
            {
                [PushNotifiAlert("Run failed", IdempotencyKey = "run:{name}")]
                public partial void Run(string name);

                private void RunCore(string name) => _ = name;

                [PushNotifiAlert("Stop failed", IdempotencyKey = "stop:{name}")]
                public partial void Stop(string name);

                private void StopCore(string name) => _ = name;
            }
            """;
        const string secondFixed = """
            using PushNotifi;

            namespace Demo.Reports;

            public partial class Reports
            {
                [PushNotifiAlert("Render failed", IdempotencyKey = "render:{id}")]
                public partial void Render(int id);

                private void RenderCore(int id) => _ = id;

                [PushNotifiAlert("Send failed", IdempotencyKey = "send:{id}")]
                public partial void Send(int id);

                private void SendCore(int id) => _ = id;
            }
            """;
        await VerifyFixAll([first, second], [firstFixed, secondFixed], incrementalIterations: 4, documentIterations: 2);
    }

    private static Task Verify(string source, string fixedSource) =>
        CreateTest([source], [fixedSource]).RunAsync();

    /// <summary>
    /// The one-at-a-time fixes and Fix All (in document, project and solution) both reach the same code; one Fix All
    /// in the project or solution fixes every file at once, in the document one pass per file.
    /// </summary>
    private static Task VerifyFixAll(string[] sources, string[] fixedSources, int incrementalIterations, int documentIterations)
    {
        var test = CreateTest(sources, fixedSources);
        test.CodeActionEquivalenceKey = "Add [PushNotifiAlert]";
        test.NumberOfIncrementalIterations = incrementalIterations;
        test.NumberOfFixAllInDocumentIterations = documentIterations;
        test.NumberOfFixAllInProjectIterations = 1;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

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
