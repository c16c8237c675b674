using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>One generated file per type: its wrappers share one frame, and every file's name is unique and stable.</summary>
public class GeneratedFileTests
{
    [Fact]
    public void Wrappers_of_one_type_declared_in_two_files_are_written_into_one_file_that_compiles()
    {
        var (sources, problems) = Generate(
            ShapeCases.Usings + """
            namespace Demo;

            public partial class Jobs(IPushNotifiClient client)
            {
                [PushNotifiAlert("First failed", IdempotencyKey = "first")]
                public partial Task FirstAsync();

                private Task FirstCoreAsync() => Task.CompletedTask;

                public IPushNotifiClient Client => client;
            }
            """,
            ShapeCases.Usings + """
            namespace Demo;

            public partial class Jobs
            {
                [PushNotifiAlert("Second failed", IdempotencyKey = "second")]
                public partial int Second();

                private int SecondCore() => 2;
            }
            """);

        var (hint, text) = Assert.Single(sources);
        Assert.Equal("Demo.Jobs.g.cs", hint);
        Assert.Contains(" FirstAsync(", text, StringComparison.Ordinal);
        Assert.Contains(" Second(", text, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(text, "namespace Demo"));
        Assert.Equal(1, Occurrences(text, "partial class Jobs"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Nested_types_are_named_with_a_plus_and_generic_types_with_their_arity()
    {
        var (sources, problems) = Generate(
            ShapeCases.Usings + """
            namespace Demo
            {
                public static partial class Outer
                {
                    public static partial class Inner
                    {
                        [PushNotifiAlert("Nested failed", IdempotencyKey = "nested")]
                        public static partial void Run();

                        private static void RunCore()
                        {
                        }
                    }
                }

                public partial class Box<TKey, TValue>
                {
                    [PushNotifiAlert("Box failed", IdempotencyKey = "box")]
                    public partial void Run(TKey key);

                    private void RunCore(TKey key)
                    {
                    }
                }
            }
            """);

        Assert.Equal(["Demo.Box`2.g.cs", "Demo.Outer+Inner.g.cs"], sources.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public void A_type_with_wrappers_on_both_sides_of_a_nullable_directive_gets_a_second_file_for_the_disabled_ones()
    {
        var (sources, problems) = Generate(ShapeCases.Usings + """
            namespace Demo;

            public static partial class Mixed
            {
                [PushNotifiAlert("Annotated failed", IdempotencyKey = "on")]
                public static partial void Annotated(string? name);

                private static void AnnotatedCore(string? name)
                {
                }

            #nullable disable
                [PushNotifiAlert("Oblivious failed", IdempotencyKey = "off")]
                public static partial void Oblivious(string name);

                private static void ObliviousCore(string name)
                {
                }
            }
            """);

        Assert.Equal("#nullable enable", GeneratedText.NullableDirective(sources["Demo.Mixed.g.cs"]));
        Assert.Equal("#nullable disable", GeneratedText.NullableDirective(sources["Demo.Mixed.NullableDisabled.g.cs"]));
        Assert.Contains(" Oblivious(", sources["Demo.Mixed.NullableDisabled.g.cs"], StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [Fact]
    public void File_local_types_of_one_name_in_two_files_get_no_wrapper_and_leave_the_others_alone()
    {
        const string FileLocal = ShapeCases.Usings + """
            namespace Demo;

            file static partial class Local
            {
                [PushNotifiAlert("Local failed", IdempotencyKey = "local")]
                public static partial void Run();

                private static void RunCore()
                {
                }
            }
            """;
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile([FileLocal, FileLocal, ShapeCases.Usings + """
            namespace Demo;

            public static partial class Shared
            {
                [PushNotifiAlert("Shared failed", IdempotencyKey = "shared")]
                public static partial void Run();

                private static void RunCore()
                {
                }
            }
            """]));

        var run = Assert.Single(result.Results);
        Assert.Null(run.Exception);
        Assert.Equal("Demo.Shared.g.cs", Assert.Single(run.GeneratedSources).HintName);
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;

    private static (Dictionary<string, string> Sources, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Problems) Generate(params string[] sources)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(sources));
        var generated = Assert.Single(result.Results).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return (generated, GeneratorHarness.CompilerProblems(output));
    }
}
