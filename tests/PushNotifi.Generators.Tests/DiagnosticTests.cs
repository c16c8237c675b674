using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>Each diagnostic, reported at its exact location, and no source emitted for broken shapes.</summary>
public class DiagnosticTests
{
    private const string U = ShapeCases.Usings + "namespace Demo;\n\n";

    private static readonly DiagnosticDescriptor[] s_allDescriptors =
        [.. new PushNotifiAlertAnalyzer().SupportedDiagnostics, .. new KeyLiteralAnalyzer().SupportedDiagnostics, .. new AlertCandidateAnalyzer().SupportedDiagnostics];

    [Fact]
    public Task PNA001_unknown_placeholder_points_at_the_template() => Expect("PNA001", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert([|"Failed {nope}"|], IdempotencyKey = "k:{id}")]
            public partial void Run(int id);
            private void RunCore(int id) { }
        }
        """, emits: false);

    [Fact]
    public Task PNA001_unknown_member_of_a_parameter() => Expect("PNA001", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = [|"k:{id.Missing}"|])]
            public partial void Run(string id);
            private void RunCore(string id) { }
        }
        """, emits: false);

    [Fact]
    public Task PNA002_unused_parameter_is_info_at_the_parameter() => Expect("PNA002", DiagnosticSeverity.Info, U + """
        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial void Run(int id, int [|extra|]);
            private void RunCore(int id, int extra) { }
        }
        """, emits: true);

    [Fact]
    public Task PNA003_missing_implementation() => Expect("PNA003", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial Task [|RunAsync|](int id);
        }
        """, emits: false);

    [Fact]
    public Task PNA004_implementation_signature_mismatch() => Expect("PNA004", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial Task [|RunAsync|](int id);
            private Task RunCoreAsync(string id) => Task.CompletedTask;
        }
        """, emits: false);

    [Fact]
    public Task PNA005_containing_type_not_partial() => Expect("PNA005", DiagnosticSeverity.Error, U + """
        public class [|Jobs|]
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial void Run(int id);
            private void RunCore(int id) { }
        }
        """, emits: false);

    [Fact]
    public Task PNA016_file_local_containing_type() => Expect("PNA016", DiagnosticSeverity.Error, U + """
        file partial class [|Jobs|]
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial void Run(int id);
            private void RunCore(int id) { }
        }
        """, emits: false);

    [Fact]
    public Task PNA006_async_stream_is_unsupported() => Expect("PNA006", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial [|IAsyncEnumerable<int>|] StreamAsync(int id);
            private async IAsyncEnumerable<int> StreamCoreAsync(int id) { await Task.Yield(); yield return id; }
        }
        """, emits: false);

    [Fact]
    public Task PNA006_iterator_is_unsupported() => Expect("PNA006", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial [|IEnumerable<int>|] Items(int id);
            private IEnumerable<int> ItemsCore(int id) { yield return id; }
        }
        """, emits: false);

    [Fact]
    public Task PNA006_iterator_implementation_inherited_from_a_base_class_is_unsupported() => Expect("PNA006", DiagnosticSeverity.Error, U + """
        public class JobsBase
        {
            protected IEnumerable<int> ItemsCore(int id) { yield return id; }
        }

        public partial class Jobs : JobsBase
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial [|IEnumerable<int>|] Items(int id);
        }
        """, emits: false);

    [Fact]
    public Task PNA006_ref_return_is_unsupported() => Expect("PNA006", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            private int _value;
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial [|ref int|] Get(int id);
            private ref int GetCore(int id) => ref _value;
        }
        """, emits: false);

    [Fact]
    public Task PNA007_two_candidate_clients() => Expect("PNA007", DiagnosticSeverity.Error, U + """
        public partial class Jobs(IPushNotifiClient first)
        {
            private readonly IPushNotifiClient _a = first;
            private IPushNotifiClient B { get; } = first;
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial void [|Run|](int id);
            private void RunCore(int id) { }
        }
        """, emits: false);

    [Fact]
    public Task PNA008_missing_idempotency_key_warns_at_the_attribute() => Expect("PNA008", DiagnosticSeverity.Warning, U + """
        public partial class Jobs
        {
            [[|PushNotifiAlert("Failed {id}")|]]
            public partial void Run(int id);
            private void RunCore(int id) { }
        }
        """, emits: true);

    [Fact]
    public Task PNA009_secret_looking_parameter_in_title() => Expect("PNA009", DiagnosticSeverity.Warning, U + """
        public partial class Jobs
        {
            [PushNotifiAlert([|"Login failed with {apiKey}"|], IdempotencyKey = "login:{user}")]
            public partial void Login(string user, string apiKey);
            private void LoginCore(string user, string apiKey) { }
        }
        """, emits: true);

    [Fact]
    public async Task PNA009_is_silent_for_redacted_parameters()
    {
        var diagnostics = await AnalyzerDiagnosticsAsync(U + """
            public partial class Jobs
            {
                [PushNotifiAlert("Login failed with {apiKey}", IdempotencyKey = "login:{user}")]
                public partial void Login(string user, [Redact] string apiKey);
                private void LoginCore(string user, string apiKey) { }
            }
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id == "PNA009");
    }

    [Fact]
    public Task PNA010_implementation_that_already_alerts() => Expect("PNA010", DiagnosticSeverity.Warning, U + """
        public partial class Jobs(IPushNotifiClient client)
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public partial Task RunAsync(int id);
            private async Task [|RunCoreAsync|](int id) => await client.SendAsync(PushNotifiMessage.ToDefaultGroup("t", "m"));
        }
        """, emits: true);

    [Theory]
    [InlineData("another object's client property", "await services.Client.SendAsync(PushNotifiMessage.ToDefaultGroup(\"t\", \"m\"))")]
    [InlineData("the static default client", "await PushNotifiAlerts.DefaultClient.SendAsync(PushNotifiMessage.ToDefaultGroup(\"t\", \"m\"))")]
    [InlineData("a local of the concrete client class", "PushNotifiClient concrete = services.Concrete; await concrete.SendAsync(PushNotifiMessage.ToDefaultGroup(\"t\", \"m\"))")]
    [InlineData("the webhook", "await services.Webhook.SendAsync(\"t\", \"m\")")]
    [InlineData("the alerter", "await services.Alerter.TrySendAlertAsync(new PushNotifiAlert(\"t\", \"m\"))")]
    [InlineData("the runtime's alert context", "await PushNotifiAlertRuntime.Success(services.Client, 0, \"m\").SendAsync(CancellationToken.None)")]
    [InlineData("the runtime's synchronous send in a lambda", "await Task.Run(() => PushNotifiAlertRuntime.Success(null, 0, \"m\").Send(CancellationToken.None))")]
    public Task PNA010_implementation_that_sends_through_any_receiver(string receiver, string call) =>
        Expect("PNA010", DiagnosticSeverity.Warning, U + $$"""
            public sealed class Services(IPushNotifiClient client, PushNotifiClient concrete, IPushNotifiWebhook webhook, IPushNotifiAlerter alerter)
            {
                public IPushNotifiAlerter Alerter => alerter;
                public IPushNotifiClient Client => client;
                public PushNotifiClient Concrete => concrete;
                public IPushNotifiWebhook Webhook => webhook;
            }

            public partial class Jobs(Services services)
            {
                [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
                public partial Task RunAsync(int id);

                // Sends through {{receiver}}.
                private async Task [|RunCoreAsync|](int id)
                {
                    {{call}};
                }
            }
            """, emits: true);

    [Fact]
    public async Task PNA010_is_not_reported_for_an_unrelated_SendAsync_on_another_type()
    {
        var diagnostics = await AnalyzerDiagnosticsAsync(U + """
            public sealed class Mailer
            {
                public Task SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public void Send(string text) { }
            }

            public partial class Jobs(Mailer mailer)
            {
                [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
                public partial Task RunAsync(int id);

                private async Task RunCoreAsync(int id)
                {
                    mailer.Send("t");
                    await mailer.SendAsync(PushNotifiMessage.ToDefaultGroup("t", "m"));
                }
            }
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id == "PNA010");
    }

    [Fact]
    public async Task PNA011_key_shaped_literal_is_flagged_by_the_analyzer()
    {
        var (source, span) = Markup.Parse(U + $$"""
            public static class Keys
            {
                public const string Fixture = "{{TestKeys.FixedUser}}";
                public const string Real = [|"u7Hq2mZpX9rT4vW8yB3nK6cD1fG5jL0s"|];
            }
            """);
        var compilation = GeneratorHarness.Compile(source);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new KeyLiteralAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PNA011", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.DoesNotContain("u7Hq2mZpX9rT4vW8yB3nK6cD1fG5jL0s", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("…jL0s", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public Task PNA012_method_with_a_body() => Expect("PNA012", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}")]
            public void [|Run|](int id) { }
        }
        """, emits: false);

    [Fact]
    public Task PNA013_unbalanced_brace() => Expect("PNA013", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert([|"Failed {id"|], IdempotencyKey = "k:{id}")]
            public partial void Run(int id);
            private void RunCore(int id) { }
        }
        """, emits: false);

    [Fact]
    public Task PNA014_exception_placeholder_in_success_text() => Expect("PNA014", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert("Failed {id}", IdempotencyKey = "k:{id}", NotifyOnSuccess = true, SuccessMessage = [|"{ExceptionType}"|])]
            public partial void Run(int id);
            private void RunCore(int id) { }
        }
        """, emits: false);

    [Fact]
    public Task PNA014_out_parameter_in_template() => Expect("PNA014", DiagnosticSeverity.Error, U + """
        public partial class Jobs
        {
            [PushNotifiAlert([|"Failed {result}"|], IdempotencyKey = "k")]
            public partial void Run(out int result);
            private void RunCore(out int result) => result = 1;
        }
        """, emits: false);

    [Theory]
    [InlineData("an error type in the signature", "[PushNotifiAlert(\"Failed {id}\", IdempotencyKey = \"k:{id}\")] public partial void Run(Missing id); private void RunCore(Missing id) { }")]
    [InlineData("an undefined constant in the attribute", "[PushNotifiAlert(\"Failed {id}\", IdempotencyKey = Undefined)] public partial void Run(int id); private void RunCore(int id) { }")]
    [InlineData("a missing title", "[PushNotifiAlert] public partial void Run(int id); private void RunCore(int id) { }")]
    public async Task Declarations_the_compiler_already_rejects_get_no_wrapper_and_no_diagnostic_of_ours(string what, string member)
    {
        var compilation = GeneratorHarness.Compile(U + "public partial class Jobs\n{\n    " + member + "\n}\n");
        var (result, output) = GeneratorHarness.Run(compilation);

        Assert.True(Assert.Single(result.Results).GeneratedSources.IsEmpty, what);
        Assert.DoesNotContain(await GeneratorHarness.AnalyzeAsync(compilation), d => d.Id.StartsWith("PNA", StringComparison.Ordinal));
        Assert.Contains(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_descriptor_has_its_docs_section()
    {
        // Where the help link goes, and the packed copies, are PackageReadmeTests' business.
        var ids = Enumerable.Range(1, 15).Select(i => $"PNA{i:000}").ToList();
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        foreach (var id in ids)
        {
            Assert.Single(s_allDescriptors, d => d.Id == id);
            Assert.Contains("## " + id, docs, StringComparison.Ordinal);
        }
    }

    internal static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var directory = Path.GetDirectoryName(path);
        while (directory is not null && !File.Exists(Path.Combine(directory, "PushNotifi.Templates.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory!;
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(string source) =>
        GeneratorHarness.AnalyzeAsync(GeneratorHarness.Compile(source));

    /// <summary>
    /// The analyzer reports <paramref name="id"/> once, at the marked span of the user's file, as a source location
    /// (what pragmas need); the generator reports nothing and emits a wrapper only for a valid declaration.
    /// </summary>
    private static async Task Expect(string id, DiagnosticSeverity severity, string markup, bool emits)
    {
        var (source, span) = Markup.Parse(markup);
        var compilation = GeneratorHarness.Compile(source);
        var diagnostics = await GeneratorHarness.AnalyzeAsync(compilation);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.True(diagnostic.Location.IsInSource, "not a source location: " + diagnostic.Location.Kind);
        Assert.Same(compilation.SyntaxTrees.First(), diagnostic.Location.SourceTree);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));

        var (result, output) = GeneratorHarness.Run(compilation);
        var run = Assert.Single(result.Results);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(emits, run.GeneratedSources.Length == 1);

        // Whatever the generator emits compiles: an invalid declaration adds no compiler error of ours.
        var generatedErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !compilation.SyntaxTrees.Contains(tree));
        Assert.Empty(generatedErrors);
    }
}
