using System.Text;
using System.Text.Json;

namespace PushNotifi.Tests;

public class RedactorTests
{
    private static readonly Redactor s_redactor = Redactor.ForOptions(new PushNotifiOptions
    {
        UserKey = TestKeys.Canary,
        GroupKey = TestKeys.Group,
        ApplicationKey = TestKeys.Application,
        WebhookToken = TestKeys.WebhookToken,
    });

    // Selected by name, so test output never shows the canary itself.
    private static readonly Dictionary<string, Func<string, string>> s_forms = new()
    {
        ["plain"] = s => s,
        ["upper"] = s => s.ToUpperInvariant(),
        ["lower"] = s => s.ToLowerInvariant(),
        ["url-encoded"] = Uri.EscapeDataString,
        ["json-escaped"] = s => JsonEncodedText.Encode(s).ToString(),
        ["base64"] = s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)),
    };

    [Theory]
    [InlineData("plain")]
    [InlineData("upper")]
    [InlineData("lower")]
    [InlineData("url-encoded")]
    [InlineData("json-escaped")]
    [InlineData("base64")]
    public void Configured_secrets_become_their_last_four_in_every_form(string formName)
    {
        var form = s_forms[formName](TestKeys.Canary);
        var text = $"start {form} middle{form}end";

        var redacted = s_redactor.Redact(text);

        Assert.DoesNotContain(form, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("…0042", redacted);
        Assert.StartsWith("start ", redacted);
    }

    // By name: the sandbox's fake keys are generated per run, so they cannot be attribute constants.
    [Theory]
    [InlineData(nameof(TestKeys.Group))]
    [InlineData(nameof(TestKeys.Application))]
    [InlineData(nameof(TestKeys.WebhookToken))]
    public void Every_configured_secret_is_removed(string name)
    {
        var secret = name switch
        {
            nameof(TestKeys.Group) => TestKeys.Group,
            nameof(TestKeys.Application) => TestKeys.Application,
            _ => TestKeys.WebhookToken,
        };
        var lastFour = TestKeys.LastFour(secret);
        var redacted = s_redactor.Redact($"value={secret};");

        Assert.DoesNotContain(secret, redacted);
        Assert.Contains(lastFour, redacted);
    }

    [Theory]
    [InlineData("X-API-Key: zzSECRETheaderVALUE9876", "zzSECRETheaderVALUE9876")]
    [InlineData("\"X-API-Key\":\"zzSECRETheaderVALUE9876\"", "zzSECRETheaderVALUE9876")]
    [InlineData("Authorization: Bearer abcDEF123456ghiJKL", "abcDEF123456ghiJKL")]
    [InlineData("authorization=Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA")]
    [InlineData("sent with bearer abc.DEF-123_456~xyz/+= ok", "abc.DEF-123_456")]
    [InlineData("https://host/path?user=x&token=sEcReTtOkEn42&x=1", "sEcReTtOkEn42")]
    [InlineData("https://host/path?api_key=sEcReTaPiKeY42", "sEcReTaPiKeY42")]
    [InlineData("Server=db;User Id=sa;Password=Hunter2IsSecret;", "Hunter2IsSecret")]
    [InlineData("{\"password\": \"Hunter2IsSecret\"}", "Hunter2IsSecret")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U here", "eyJzdWIiOiIxMjM0NTY3ODkwIn0")]
    [InlineData("key pk_live_51HqLyjWDarjtT1zdp7dc", "pk_live_51HqLyjWDarjtT1zdp7dc")]
    [InlineData("key sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc")]
    [InlineData("key an_key_9f8e7d6c5b4a3f2e1d0c", "an_key_9f8e7d6c5b4a3f2e1d0c")]
    [InlineData("other user uOTHERuserKEYnotCONFIGURED000777", "uOTHERuserKEYnotCONFIGURED000777")]
    [InlineData("group=gOTHERgroupKEYnotCONFIGURED00777.", "gOTHERgroupKEYnotCONFIGURED00777")]
    [InlineData("Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA", "dXNlcjpwYXNzd29yZA")]
    [InlineData("github ghp_abcdefghijklmnopqrstuvwxyz0123", "ghp_abcdefghijklmnopqrstuvwxyz0123")]
    public void Secret_shapes_are_removed_without_configuration(string text, string secret)
    {
        var redacted = Redactor.Default.Redact(text);

        Assert.DoesNotContain(secret, redacted);
        Assert.Contains("…", redacted);
    }

    [Theory]
    [InlineData("Disk /var is 91% full on host web-01")]
    [InlineData("Backup finished in 42 s; 3 files skipped.")]
    [InlineData("see https://example.org/runbook?section=disk&page=2")]
    [InlineData("")]
    [InlineData("snake_case_identifier and sk_short and uTooShortToBeAKey")]
    [InlineData("a 33-char word: uABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Ordinary_text_is_unchanged(string text)
    {
        Assert.Equal(text, s_redactor.Redact(text));
    }

    [Theory]
    [InlineData("(X-API-Key: {0}) after 5 ms", "(X-API-Key: …0042) after 5 ms")]
    [InlineData("[api_key={0}]", "[api_key=…0042]")]
    [InlineData("{{token: {0}}}", "{{token: …0042}}")]
    public void A_bare_value_stops_before_a_bracket_it_did_not_open(string template, string expected)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, TestKeys.Canary);

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected), s_redactor.Redact(text));
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected), Redactor.Default.Redact(text));
    }

    [Fact]
    public void A_docker_secret_mount_keeps_a_generic_value_near_it_on_its_line_but_not_one_far_down_a_line_without_breaks()
    {
        const string Value = "Zq8rT2vLx9Wm4Kp7Jd3Fh6Nc";
        var near = $"RUN --mount=type=secret,id=npmrc access_code={Value} npm ci";
        var far = $"RUN --mount=type=secret,id=npmrc {string.Concat(Enumerable.Repeat("step; ", 400))}access_code={Value} npm ci";

        Assert.Equal(near, Redactor.Default.Redact(near));
        Assert.EndsWith($"access_code=…{Value[^4..]} npm ci", Redactor.Default.Redact(far), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_redacts_to_empty() => Assert.Equal(string.Empty, Redactor.Default.Redact(null));

    [Theory]
    [InlineData("uFAKEuserKEYforTESTS000000000001", "…0001")]
    [InlineData("12345678", "…5678")]
    [InlineData("1234567", "…")]
    [InlineData("", "…")]
    [InlineData(null, "…")]
    public void LastFour_shows_only_the_last_four_characters_of_long_enough_secrets(string? secret, string expected)
    {
        Assert.Equal(expected, Redactor.LastFour(secret));
    }

    [Fact]
    public void Fingerprints_are_stable_across_processes_and_keyed_by_the_user_key()
    {
        const string runId = "job:2026-05-10T03:00:00Z";
        // A fixed key, not TestKeys.User (generated per run): the fingerprint below is a literal.
        var withUserKey = Redactor.ForOptions(new PushNotifiOptions { UserKey = "uFAKEuserKEYforTESTS000000000001" });

        // Literal values: the same in every process and on every machine.
        Assert.Equal("hDMKfnEx4ULnNEFwQrUcuw", Redactor.Default.Fingerprint(runId));
        Assert.Equal("UOFo1nXrUXLWEOZyFKt2AQ", withUserKey.Fingerprint(runId));
        Assert.NotEqual(withUserKey.Fingerprint(runId), withUserKey.Fingerprint(runId + "x"));
        Assert.Matches("^[A-Za-z0-9_-]{22}$", withUserKey.Fingerprint(runId));
    }

    [Fact]
    public void Large_inputs_without_secrets_come_back_unchanged()
    {
        var text = string.Concat(Enumerable.Repeat("Disk usage 91% on web-01; all other checks green. ", 20_000));

        Assert.Same(text, Redactor.Default.Redact(text));
    }

    [Fact]
    public void Clean_text_allocates_nothing()
    {
        var text = string.Concat(Enumerable.Repeat("job nightly export finished; retry attempt 2 of 3 on worker-07 (tenant 42, region eu). ", 2_000));
        _ = s_redactor.Redact(text); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var redacted = s_redactor.Redact(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(text, redacted);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Dirty_text_costs_one_new_string()
    {
        var secrets = new[] { TestKeys.Canary, "Authorization: Bearer FAKEbearer0123456789abcdef", "password=FakePass123", "X-API-Key: FAKEapi0123456789key", TestKeys.Group };
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => i % 2_000 == 0 ? $" {secrets[i / 2_000 % secrets.Length]} " : "job finished on worker-07; "));
        _ = s_redactor.Redact(text); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var redacted = s_redactor.Redact(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotEqual(text, redacted);
        Assert.DoesNotContain(TestKeys.Canary, redacted, StringComparison.Ordinal);

        // The output string (2 bytes a character) and a small fixed cost, far from a second copy.
        Assert.InRange(allocated, redacted.Length * 2, (redacted.Length * 2) + 4_096);
    }

    [Theory]
    [InlineData("Authorization: Api-Token FAKEapiToken0123456789", "Authorization: Api-Token …6789")]
    [InlineData("Bearer $API_KEY", "Bearer $API_KEY")]
    [InlineData("bot_token1=FAKE0123456789abcdef", "bot_token1=…cdef")]
    [InlineData("awsToken := \"FAKE0123456789abcdef\"", "awsToken := \"…cdef\"")]
    [InlineData("githubToken=FAKE0123456789abcdef", "githubToken=…cdef")]
    [InlineData("curl -u deploy:FakePassword42 https://ci.example/", "curl -u deploy:…rd42 https://ci.example/")]
    [InlineData("{\"token_type\": \"Bearer\", \"api_key_id\": \"42\"}", "{\"token_type\": \"Bearer\", \"api_key_id\": \"42\"}")]
    [InlineData("PWD=/home/ci/build", "PWD=/home/ci/build")]
    public void The_cases_the_issue_names_are_redacted_to_the_name_and_last_four(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Default.Redact(text));
    }
}
