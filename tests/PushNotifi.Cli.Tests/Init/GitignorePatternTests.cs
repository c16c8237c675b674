using PushNotifi.Cli.Init;

namespace PushNotifi.Cli.Tests.Init;

/// <summary>The subset of git's ignore rules init relies on to decide what .gitignore lacks.</summary>
public sealed class GitignorePatternTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo");

    [Theory]
    [InlineData(".env", ".env", true)]
    [InlineData(".env", "src/App/.env", true)]
    [InlineData("/.env", "src/App/.env", false)]
    [InlineData("/.env", ".env", true)]
    [InlineData("src/App/.env", "src/App/.env", true)]
    [InlineData("App/.env", "src/App/.env", false)]
    [InlineData("**/.env", "src/App/.env", true)]
    [InlineData("src/**/.env.*", "src/App/.env.local", true)]
    [InlineData(".env*", ".env.example", true)]
    [InlineData("*.env", ".env", true)]
    [InlineData(".env.*", ".env", false)]
    [InlineData(".env.?ocal", ".env.local", true)]
    [InlineData("[.]env", ".env", true)]
    [InlineData(".env.[!l]*", ".env.local", false)]
    [InlineData(".env/", ".env", false)]
    [InlineData("# .env", ".env", false)]
    [InlineData("\\#.env", "#.env", true)]
    [InlineData(".env   ", ".env", true)]
    public void Matches_like_git(string pattern, string relativePath, bool expected)
    {
        var parsed = GitignorePattern.Parse(Root, pattern);

        Assert.Equal(expected, parsed?.Matches(Path.Combine(Root, relativePath)) ?? false);
    }

    [Fact]
    public void A_negated_pattern_matches_and_says_so()
    {
        var parsed = GitignorePattern.Parse(Root, "!.env.example");

        Assert.NotNull(parsed);
        Assert.True(parsed.Negated);
        Assert.True(parsed.Matches(Path.Combine(Root, ".env.example")));
    }

    [Fact]
    public void A_file_outside_the_gitignore_folder_never_matches()
    {
        var parsed = GitignorePattern.Parse(Path.Combine(Root, "src"), ".env");

        Assert.False(parsed!.Matches(Path.Combine(Root, ".env")));
    }
}
