using System.IO.Compression;
using System.Text.Json;

namespace PushNotifi.Templates.Tests;

/// <summary>The pack's shape: every template is named, classified, documented and has CLI option names.</summary>
[Collection(TemplateTestGroup.Name)]
public sealed class PackTests(TemplateEnvironment environment)
{
    private static readonly string[] Expected =
    [
        "pushnotifi-ci", "pushnotifi-cron", "pushnotifi-error-rate", "pushnotifi-exception-handler",
        "pushnotifi-init", "pushnotifi-migration", "pushnotifi-webhook",
    ];

    [Fact]
    public void Every_template_has_its_short_name_classification_and_cli_option_names()
    {
        using var package = ZipFile.OpenRead(environment.TemplatePackage);
        var configs = package.Entries.Where(e => e.FullName.EndsWith(".template.config/template.json", StringComparison.Ordinal)).ToList();
        var shortNames = new List<string>();
        foreach (var config in configs)
        {
            using var document = JsonDocument.Parse(Read(config));
            var root = document.RootElement;
            var shortName = root.GetProperty("shortName").GetString()!;
            shortNames.Add(shortName);
            Assert.StartsWith("pushnotifi-", shortName);
            Assert.Contains("PushNotifi", root.GetProperty("classifications").EnumerateArray().Select(c => c.GetString()));
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("description").GetString()), shortName);

            var hostEntry = package.GetEntry(config.FullName.Replace("template.json", "dotnetcli.host.json", StringComparison.Ordinal));
            Assert.True(hostEntry is not null, $"{shortName} has no dotnetcli.host.json");
            using var host = JsonDocument.Parse(Read(hostEntry));
            var symbolInfo = host.RootElement.GetProperty("symbolInfo");
            if (!root.TryGetProperty("symbols", out var symbols))
            {
                continue;
            }

            foreach (var symbol in symbols.EnumerateObject().Where(s => s.Value.GetProperty("type").GetString() == "parameter"))
            {
                Assert.True(
                    symbolInfo.TryGetProperty(symbol.Name, out var info) && info.TryGetProperty("longName", out var longName) && longName.GetString()!.Contains('-') == (symbol.Name.Any(char.IsUpper)),
                    $"{shortName}: option {symbol.Name} needs a kebab-case longName in dotnetcli.host.json");
            }
        }

        Assert.Equal(Expected, shortNames.Order());
    }

    [Fact]
    public void Dot_files_survive_packing_and_the_cli_version_is_stamped()
    {
        using var package = ZipFile.OpenRead(environment.TemplatePackage);
        var names = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("content/pushnotifi-ci/.github/actions/pushnotifi-notify/action.yml", names);
        Assert.Contains("content/pushnotifi-ci/.github/workflows/pushnotifi-on-failure.yml", names);
        Assert.DoesNotContain(names, n => n.Contains("/bin/", StringComparison.Ordinal) || n.Contains("/obj/", StringComparison.Ordinal));
        foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("content/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("PUSHNOTIFI_PACK_VERSION", Read(entry));
        }

        var init = Read(package.GetEntry("content/pushnotifi-init/.template.config/template.json")!);
        Assert.Contains($"dnx -y PushNotifi.Cli@{environment.PackageVersion} -- init", init);
    }

    [Fact]
    public void Every_template_is_documented_with_the_when_not_to_send_guidance()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "templates.md"));
        foreach (var name in Expected)
        {
            Assert.Contains($"## `{name}`", docs);
        }

        Assert.Contains("When not to send", docs);
        Assert.Contains("--allow-scripts yes", docs);
    }

    private static string RepositoryRoot()
        => typeof(PackTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
