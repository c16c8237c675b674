using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PushNotifi.Generators.Emitting;
using PushNotifi.Generators.Model;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>
/// The emitter renders each shape once with markers and fills in every method's texts; these tests hold that to a
/// direct Scriban render of the same method.
/// </summary>
public class EmitterTests
{
    public static TheoryData<string> Cases => new(ShapeCases.All.Keys.Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_wrapper_written_from_its_shape_equals_a_direct_render_of_the_method(string name)
    {
        var shape = ShapeCases.All[name];
        var files = Files(GeneratorHarness.Compile(shape.Source, shape.Nullable));

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (var model in file.Methods)
            {
                var direct = AlertEmitter.EmitDirect(model);
                Assert.Equal(direct, AlertEmitter.Emit(model));
                Assert.Equal(direct, AlertEmitter.Emit(model)); // the second is always written from the kept shape
                Assert.DoesNotContain(SlotValues.Open, direct);
            }

            var directFile = AlertEmitter.EmitFileDirect(file);
            Assert.Equal(directFile, AlertEmitter.EmitFile(file));
            Assert.Equal(directFile, AlertEmitter.EmitFile(file));
        }
    }

    [Fact]
    public void Methods_that_differ_only_in_names_types_and_texts_share_one_shape_and_keep_their_own_texts()
    {
        var models = Models(GeneratorHarness.Compile("""
            using System.Threading.Tasks;
            using PushNotifi;
            namespace Jobs.Nightly;
            public partial class Billing(IPushNotifiClient client)
            {
                [PushNotifiAlert("Invoices failed for {customer}", IdempotencyKey = "invoices:{customer}")]
                public partial Task<int> RunInvoicesAsync(string customer);
                private Task<int> RunInvoicesCoreAsync(string customer) => Task.FromResult(1);

                [PushNotifiAlert("Refunds failed for {region}", IdempotencyKey = "refunds:{region}")]
                public partial Task<long> ReconcileRefundsAsync(int region);
                private Task<long> ReconcileRefundsCoreAsync(int region) => Task.FromResult(2L);
            }
            """));

        Assert.Equal(2, models.Count);
        Assert.Equal(AlertEmitter.ShapeKey(models[0]), AlertEmitter.ShapeKey(models[1]));

        var invoices = AlertEmitter.Emit(models.Single(m => m.Name == "RunInvoicesAsync"));
        var refunds = AlertEmitter.Emit(models.Single(m => m.Name == "ReconcileRefundsAsync"));
        Assert.Contains("Invoices failed for ", invoices, StringComparison.Ordinal);
        Assert.Contains("Task<int>", invoices, StringComparison.Ordinal);
        Assert.DoesNotContain("Refunds", invoices, StringComparison.Ordinal);
        Assert.Contains("Refunds failed for ", refunds, StringComparison.Ordinal);
        Assert.Contains("Task<long>", refunds, StringComparison.Ordinal);
        Assert.DoesNotContain("Invoices", refunds, StringComparison.Ordinal);
    }

    [Fact]
    public void A_success_alert_a_suppression_window_or_a_sync_return_each_make_a_different_shape()
    {
        var models = Models(GeneratorHarness.Compile("""
            using System.Threading.Tasks;
            using PushNotifi;
            public partial class Jobs(IPushNotifiClient client)
            {
                [PushNotifiAlert("A failed")]
                public partial Task A();
                private Task ACore() => Task.CompletedTask;

                [PushNotifiAlert("B failed", NotifyOnSuccess = true, SuccessTitle = "B done")]
                public partial Task B();
                private Task BCore() => Task.CompletedTask;

                [PushNotifiAlert("C failed", SuppressionWindowSeconds = 60)]
                public partial Task C();
                private Task CCore() => Task.CompletedTask;

                [PushNotifiAlert("D failed")]
                public partial void D();
                private void DCore() { }
            }
            """));

        Assert.Equal(4, models.Count);
        Assert.Equal(4, models.Select(AlertEmitter.ShapeKey).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_shape_key_writes_numbers_in_decimal_and_matches_only_the_whole_key()
    {
        var key = new ShapeKeyWriter();
        key.Append('s');
        key.Append(0);
        key.Append(':');
        key.Append(1234567);
        key.Append(-42);
        Assert.Equal("s0:1234567-42", key.ToString());
        Assert.True(key.Matches("s0:1234567-42"));
        Assert.False(key.Matches("s0:1234567-4"));
        Assert.False(key.Matches("s0:1234567-43"));

        var grown = new ShapeKeyWriter();
        var text = new string('x', 10_000); // past the first buffer, which must grow and keep what it had
        grown.Append('[');
        grown.Append(text);
        grown.Append(']');
        Assert.Equal("[" + text + "]", grown.ToString());

        var same = new ShapeKeyWriter();
        same.Append("s0:1234567-42");
        Assert.Equal(key.Hash(), same.Hash());
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp9, "namespace Demo\n{\n    partial class Jobs\n")]
    [InlineData(LanguageVersion.CSharp10, "namespace Demo;\n\npartial class Jobs\n")]
    public void The_wrapper_uses_a_file_scoped_namespace_only_where_the_language_version_has_one(LanguageVersion version, string expected)
    {
        var options = new CSharpParseOptions(version);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("""
                using System.Threading.Tasks;
                using PushNotifi;
                namespace Demo
                {
                    public partial class Jobs
                    {
                        [PushNotifiAlert("Run failed")]
                        public partial Task RunAsync();
                        private Task RunCoreAsync() => Task.CompletedTask;
                    }
                }
                """, options)],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var driver = CSharpGeneratorDriver.Create([new PushNotifiAlertGenerator().AsSourceGenerator()], parseOptions: options);
        var result = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _).GetRunResult();

        var generated = Assert.Single(result.GeneratedTrees).ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(expected, generated, StringComparison.Ordinal);
        var problems = GeneratorHarness.CompilerProblems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + generated);
    }

    [Theory]
    [InlineData(true, "partial global::System.Threading.Tasks.Task<string?> LookUpAsync(string? name, object? state, int count)")]
    [InlineData(false, "partial global::System.Threading.Tasks.Task<string> LookUpAsync(string name, object state, int count)")]
    public void Keyword_types_are_written_as_keywords_with_their_nullable_annotation(bool nullable, string expected)
    {
        var source = """
            using System.Threading.Tasks;
            using PushNotifi;
            namespace Demo;
            public partial class Lookups
            {
                [PushNotifiAlert("Lookup failed")]
                public partial Task<string?> LookUpAsync(string? name, object? state, int count);
                private Task<string?> LookUpCoreAsync(string? name, object? state, int count) => Task.FromResult(name);
            }
            """;
        if (!nullable)
        {
            source = source.Replace("?", string.Empty, StringComparison.Ordinal);
        }

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(source, nullable));

        var generated = Assert.Single(result.GeneratedTrees).ToString();
        Assert.Contains(expected, generated, StringComparison.Ordinal);
        var problems = GeneratorHarness.CompilerProblems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + generated);
    }

    private static List<AlertMethodModel> Models(Compilation compilation) =>
        Files(compilation).SelectMany(file => file.Methods).ToList();

    private static List<AlertFileModel> Files(Compilation compilation)
    {
        var result = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation).GetRunResult();
        return result.Results[0].TrackedSteps[PushNotifiAlertGenerator.TrackingNames.Files]
            .SelectMany(step => step.Outputs)
            .Select(output => (AlertFileModel)output.Value)
            .ToList();
    }
}
