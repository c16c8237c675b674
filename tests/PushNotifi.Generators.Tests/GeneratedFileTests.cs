using Microsoft.CodeAnalysis.CSharp;
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

    [Fact]
    public void A_type_name_written_with_a_unicode_escape_gets_a_valid_file_name_and_its_wrapper()
    {
        var (sources, problems) = Generate(ShapeCases.Usings + """
            namespace Demo;

            public static partial class \u004Aobs
            {
                [PushNotifiAlert("Escaped failed", IdempotencyKey = "escaped")]
                public static partial void Run();

                private static void RunCore()
                {
                }
            }
            """);

        Assert.Equal("Demo.Jobs.g.cs", Assert.Single(sources.Keys));
        Assert.Empty(problems);
    }

    [Fact]
    public void A_namespace_named_after_a_keyword_gets_a_valid_file_name_and_its_wrapper()
    {
        var (sources, problems) = Generate(ShapeCases.Usings + """
            namespace Demo.@event;

            public static partial class Jobs
            {
                [PushNotifiAlert("Keyword failed", IdempotencyKey = "keyword")]
                public static partial void Run();

                private static void RunCore()
                {
                }
            }
            """);

        Assert.Equal("Demo._event.Jobs.g.cs", Assert.Single(sources.Keys));
        Assert.Empty(problems);
    }

    [Fact]
    public void Types_whose_names_differ_only_in_case_get_two_files()
    {
        var (sources, problems) = Generate(ShapeCases.Usings + """
            namespace Demo;

            public static partial class Jobs
            {
                [PushNotifiAlert("Lower failed", IdempotencyKey = "lower")]
                public static partial void Run();

                private static void RunCore()
                {
                }
            }

            public static partial class JOBS
            {
                [PushNotifiAlert("Upper failed", IdempotencyKey = "upper")]
                public static partial void Run();

                private static void RunCore()
                {
                }
            }
            """);

        Assert.Equal(2, sources.Count);
        Assert.Equal(2, sources.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(problems);
    }

    [Fact]
    public void A_modifier_that_only_one_part_of_the_type_declares_is_kept_on_the_shared_file()
    {
        var compilation = GeneratorHarness.Compile([
            ShapeCases.Usings + """
            namespace Demo;

            public static partial class Jobs
            {
                [PushNotifiAlert("Safe failed", IdempotencyKey = "safe")]
                public static partial void Safe();

                private static void SafeCore()
                {
                }
            }
            """,
            ShapeCases.Usings + """
            namespace Demo;

            public static unsafe partial class Jobs
            {
                [PushNotifiAlert("Pointer failed", IdempotencyKey = "pointer")]
                public static partial void Pointer(int* value);

                private static void PointerCore(int* value)
                {
                }
            }
            """,
        ]);
        var (result, output) = GeneratorHarness.Run(compilation.WithOptions(((CSharpCompilationOptions)compilation.Options).WithAllowUnsafe(true)));

        var generated = Assert.Single(Assert.Single(result.Results).GeneratedSources).SourceText.ToString();
        Assert.Contains("unsafe partial class Jobs", generated, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompilerProblems(output));
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;

    private static (Dictionary<string, string> Sources, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Problems) Generate(params string[] sources)
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(sources));
        var generated = Assert.Single(result.Results).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return (generated, GeneratorHarness.CompilerProblems(output));
    }
}
