using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>
/// The generator re-parses only when a declaration changes. These edits each change what a wrapper must say, some
/// from another file or from below the top level of a tree, and each must reach the generated code on the next run
/// of the same driver.
/// </summary>
public class DeclarationChangeTests
{
    private const string Jobs = ShapeCases.Usings + """
        namespace Demo;

        public partial class NightlyJobs(IPushNotifiClient pushNotifi)
        {
            [PushNotifiAlert(Titles.Cron, IdempotencyKey = "cron:{jobName}")]
            public partial Task RunAsync(string? jobName);

            [PushNotifiAlert("Listing failed", IdempotencyKey = "list")]
            public partial IEnumerable<int> List();

            private IEnumerable<int> ListCore()
            {
                return new[] { 1 };
            }

            [PushNotifiAlert("Late failed", IdempotencyKey = "late")]
            public partial void Late(string? name);

            private void LateCore(string? name)
            {
            }

            public IPushNotifiClient Client => pushNotifi;
        }
        """;

    private const string Implementations = ShapeCases.Usings + """
        namespace Demo;

        public partial class NightlyJobs
        {
            private Task RunCoreAsync(string? jobName) => Task.CompletedTask;
        }
        """;

    private const string Constants = """
        namespace Demo;

        public static class Titles
        {
            public const string Cron = "Cron failed";
        }
        """;

    [Fact]
    public void A_constant_edited_in_another_file_changes_the_title_of_the_wrapper_that_uses_it()
    {
        var (driver, compilation) = Start();

        var edited = CachingAssert.Replace(compilation, 2, Constants.Replace("\"Cron failed\"", "\"Nightly cron failed\"", StringComparison.Ordinal));

        Assert.Contains("\"Nightly cron failed\"", Wrapper(driver, edited, "RunAsync"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_implementation_whose_signature_changes_in_another_file_loses_its_wrapper()
    {
        var (driver, compilation) = Start();

        var edited = CachingAssert.Replace(compilation, 1, Implementations.Replace("RunCoreAsync(string? jobName)", "RunCoreAsync(int jobName)", StringComparison.Ordinal));

        Assert.Null(Wrapper(driver, edited, "RunAsync"));
    }

    [Fact]
    public void A_nullable_directive_added_above_the_declarations_changes_how_the_wrapper_is_written()
    {
        var (driver, compilation) = Start();

        var edited = CachingAssert.Replace(compilation, 0, "#nullable disable\n" + Jobs);

        Assert.Equal("#nullable disable", GeneratedText.NullableDirective(Wrapper(driver, edited, "RunAsync")!));
    }

    [Fact]
    public void A_nullable_directive_added_inside_a_body_changes_how_the_later_declarations_are_written()
    {
        var (driver, compilation) = Start();

        // The directive sits inside the first method's body but applies to every line after it, the declarations too.
        var edited = CachingAssert.Replace(compilation, 0, Jobs.Replace("return new[] { 1 };", "return new[] { 1 };\n#nullable disable\n", StringComparison.Ordinal));

        Assert.Equal("#nullable disable", GeneratedText.NullableDirective(Wrapper(driver, edited, "Late")!));
    }

    [Fact]
    public void A_body_edit_that_turns_the_implementation_into_an_iterator_removes_its_wrapper_and_the_reverse_brings_it_back()
    {
        var (driver, compilation) = Start();
        Assert.NotNull(Wrapper(driver, compilation, "List"));

        var iterator = CachingAssert.Replace(compilation, 0, Jobs.Replace("return new[] { 1 };", "yield return 1;", StringComparison.Ordinal));
        driver = driver.RunGenerators(iterator);
        Assert.Null(Wrapper(driver, "List"));

        var back = CachingAssert.Replace(iterator, 0, Jobs);
        Assert.NotNull(Wrapper(driver, back, "List"));
    }

    [Fact]
    public void Compilation_options_that_turn_nullable_off_re_emit_the_wrappers()
    {
        var (driver, compilation) = Start();

        var edited = compilation.WithOptions(((CSharpCompilationOptions)compilation.Options).WithNullableContextOptions(NullableContextOptions.Disable));

        Assert.Equal("#nullable disable", GeneratedText.NullableDirective(Wrapper(driver, edited, "RunAsync")!));
    }

    [Fact]
    public void A_method_added_in_a_new_file_gets_a_wrapper()
    {
        var (driver, compilation) = Start();

        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            ShapeCases.Usings + """
            namespace Demo;

            public static partial class Migrations
            {
                [PushNotifiAlert("Migration failed", IdempotencyKey = "migrate")]
                public static partial void Migrate();

                private static void MigrateCore()
                {
                }
            }
            """,
            GeneratorHarness.ParseOptions,
            "Source3.cs"));

        Assert.NotNull(Wrapper(driver, added, "Migrate"));
    }

    [Fact]
    public void An_attribute_named_through_a_using_alias_or_a_global_alias_gets_a_wrapper()
    {
        var compilation = GeneratorHarness.Compile([
            ShapeCases.Usings + """
            using Page = PushNotifi.PushNotifiAlertAttribute;

            namespace Demo;

            public static partial class Aliased
            {
                [Page("Local alias failed", IdempotencyKey = "local")]
                public static partial void Local();

                [Pager("Global alias failed", IdempotencyKey = "global")]
                public static partial void Global();

                private static void LocalCore()
                {
                }

                private static void GlobalCore()
                {
                }
            }
            """,
            "global using Pager = PushNotifi.PushNotifiAlertAttribute;",
        ]);

        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        Assert.Contains("\"Local alias failed\"", Wrapper(driver, "Local"), StringComparison.Ordinal);
        Assert.Contains("\"Global alias failed\"", Wrapper(driver, "Global"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_of_the_same_name_from_another_namespace_gets_no_wrapper()
    {
        var compilation = GeneratorHarness.Compile("""
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class PushNotifiAlertAttribute(string title) : System.Attribute
                {
                    public string Title { get; } = title;
                }

                public static partial class Lookalike
                {
                    [PushNotifiAlert("Not ours")]
                    public static partial void Run();

                    public static partial void Run()
                    {
                    }

                    private static void RunCore()
                    {
                    }
                }
            }
            """);

        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }

    [Fact]
    public void A_yield_moved_between_two_implementations_of_one_name_in_different_types_is_seen()
    {
        var before = GeneratorHarness.Compile(ShapeCases.Usings + """
            namespace Demo;

            public partial class Jobs(IPushNotifiClient client)
            {
                [PushNotifiAlert("Listing failed", IdempotencyKey = "list")]
                public partial IEnumerable<int> List();

                private IEnumerable<int> ListCore()
                {
                    return new[] { 1 };
                }

                public IPushNotifiClient Client => client;
            }

            public class Other
            {
                private IEnumerable<int> ListCore()
                {
                    yield return 1;
                }
            }
            """);
        var text = before.SyntaxTrees.Single().ToString();
        var swapped = text.Replace("return new[] { 1 };", "@@", StringComparison.Ordinal)
            .Replace("yield return 1;", "return new[] { 1 };", StringComparison.Ordinal)
            .Replace("@@", "yield return 1;", StringComparison.Ordinal);

        AssertSameAsFresh(before, CachingAssert.Replace(before, 0, swapped));
    }

    [Fact]
    public void A_nullable_directive_inside_a_field_initializer_changes_the_declarations_below_it()
    {
        var before = GeneratorHarness.Compile(ShapeCases.Usings + """
            namespace Demo;

            public static partial class Jobs
            {
                private static readonly int[] s_items = new[]
                {
                    1,
                };

                [PushNotifiAlert("Late failed", IdempotencyKey = "late")]
                public static partial void Late(string? name);

                private static void LateCore(string? name)
                {
                }
            }
            """);
        var after = CachingAssert.Replace(before, 0, before.SyntaxTrees.Single().ToString().Replace("    1,", "#nullable disable\n        1,", StringComparison.Ordinal));

        AssertSameAsFresh(before, after);
    }

    [Fact]
    public void A_type_renamed_to_the_same_name_written_with_an_at_sign_is_written_as_a_fresh_run_writes_it()
    {
        var before = GeneratorHarness.Compile([Jobs, Implementations, Constants]);

        AssertSameAsFresh(before, CachingAssert.Replace(before, 0, Jobs.Replace("partial class NightlyJobs", "partial class @NightlyJobs", StringComparison.Ordinal)), changes: false);
    }

    [Fact]
    public void Typing_in_top_level_statements_re_parses_nothing_and_a_type_below_them_still_counts()
    {
        // The title's constant lives in Program.cs, below the statements.
        var program = "System.Console.WriteLine(1);\n\n" + Constants.Replace("namespace Demo;", "namespace Demo\n{", StringComparison.Ordinal) + "}\n";
        var compilation = GeneratorHarness.Compile([Jobs, Implementations, program], outputKind: OutputKind.ConsoleApplication);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var typed = CachingAssert.Replace(compilation, 2, program.Replace("WriteLine(1)", "WriteLine(2); System.Console.WriteLine(3)", StringComparison.Ordinal));
        CachingAssert.AllCached(driver.RunGenerators(typed).GetRunResult());

        AssertSameAsFresh(compilation, CachingAssert.Replace(compilation, 2, program.Replace("\"Cron failed\"", "\"Cron broke\"", StringComparison.Ordinal)));
    }

    /// <summary>The same driver across the edit writes exactly what a new driver writes for the edited compilation.</summary>
    /// <param name="changes">Whether the edit changes the generated code at all (else the test would prove nothing about staleness).</param>
    private static void AssertSameAsFresh(Compilation before, Compilation after, bool changes = true)
    {
        var incremental = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(before).RunGenerators(after);
        var fresh = GeneratorHarness.CreateDriver().RunGenerators(after);
        Assert.Equal(Sources(fresh), Sources(incremental));
        Assert.Equal(changes, Sources(GeneratorHarness.CreateDriver().RunGenerators(before)) != Sources(fresh));
    }

    private static string Sources(GeneratorDriver driver) =>
        string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => "// " + s.HintName + "\n" + s.SourceText));

    private static (GeneratorDriver Driver, Compilation Compilation) Start()
    {
        var compilation = GeneratorHarness.Compile([Jobs, Implementations, Constants]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        Assert.Contains("\"Cron failed\"", Wrapper(driver, "RunAsync"), StringComparison.Ordinal);
        Assert.Equal("#nullable enable", GeneratedText.NullableDirective(Wrapper(driver, "RunAsync")!));
        return (driver, compilation);
    }

    private static string? Wrapper(GeneratorDriver driver, Compilation next, string method) =>
        Wrapper(driver.RunGenerators(next), method);

    /// <summary>The generated source that declares <paramref name="method"/>'s wrapper, or null.</summary>
    private static string? Wrapper(GeneratorDriver driver, string method) =>
        driver.GetRunResult().Results.Single().GeneratedSources
            .Select(s => s.SourceText.ToString())
            .SingleOrDefault(text => text.Contains(" " + method + "(", StringComparison.Ordinal));
}
