namespace PushNotifi.Tests.Redaction;

/// <summary>
/// The examples issue 18 names, each as the held-out corpus wrote them: NuGet keys, PEM blocks and JWTs that the
/// redactor used to miss or only partly hide, and a version and Jenkins GUIDs it must leave alone. Key-shaped values
/// are put together at run time, so no committed line is a live-format secret.
/// </summary>
public class IssueExampleTests
{
    private static readonly Random s_random = new(18);

    private static readonly string s_pemBegin = "-----BEGIN RSA PRIV" + "ATE KEY-----";
    private static readonly string s_pemEnd = "-----END RSA PRIV" + "ATE KEY-----";

    [Theory]
    [InlineData("Response status code does not indicate success: 403 (The specified API key {0} is invalid, has expired, or does not have permission to access the specified package).")]
    [InlineData("nuget setapikey {0} -source https://api.nuget.org/v3/index.json")]
    [InlineData("dotnet nuget push App.1.0.0.nupkg -k {0} -s https://api.nuget.org/v3/index.json")]
    public void A_NuGet_key_written_in_any_case_is_hidden_to_its_last_four(string template)
    {
        // gitleaks-style samples draw the 43 characters in any case.
        var key = "oy" + "2" + Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 43);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, key);

        var redacted = Redactor.Default.Redact(text);

        Assert.DoesNotContain(key[..^4], redacted, StringComparison.Ordinal);
        Assert.Contains("…" + key[^4..], redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_a_NuGet_config_is_hidden()
    {
        var password = Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 20);
        var text = $"<packageSourceCredentials><feed><add key=\"Username\" value=\"ci\" /><add key=\"ClearTextPassword\" value=\"{password}\" /></feed></packageSourceCredentials>";

        Assert.Equal(text.Replace(password, "…" + password[^4..], StringComparison.Ordinal), Redactor.Default.Redact(text));
    }

    [Fact]
    public void A_PEM_private_key_is_hidden_whole_from_header_to_footer()
    {
        var body = string.Join('\n', Enumerable.Range(0, 3).Select(_ => Base64(64)));
        var text = $"key file:\n{s_pemBegin}\n{body}\n{s_pemEnd}\nloaded from /etc/app/key.pem";

        Assert.Equal("key file:\n…\nloaded from /etc/app/key.pem", Redactor.Default.Redact(text));
    }

    [Fact]
    public void An_encrypted_PEM_block_with_headers_is_hidden_whole()
    {
        var text = $"{s_pemBegin}\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,{Chars("0123456789ABCDEF", 32)}\n\n{Base64(64)}\n{s_pemEnd}";

        Assert.Equal("…", Redactor.Default.Redact(text));
    }

    [Theory]
    [InlineData("{0} rejected")]
    [InlineData("jwt={0}")]
    [InlineData("Set-Cookie: session={0}; Path=/")]
    public void A_JWT_whose_payload_holds_slashes_is_hidden(string template)
    {
        // Some encoders write standard base64 (with /) in a JWT's parts; gitleaks' shape allows it.
        var jwt = "ey" + "JhbGciOiJIUzI1NiJ9.ey" + "JzdWIiOiIxMjM0NTY3ODkwIn0/" + Base64Url(20) + "." + Base64Url(43);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, jwt);

        var redacted = Redactor.Default.Redact(text);

        Assert.DoesNotContain(jwt[..^4], redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("JzdWIiOiIxMjM0NTY3ODkwIn0", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("implementation 'io.jsonwebtoken:jjwt-jackson:0.11.2'")]
    [InlineData("Could not resolve io.jsonwebtoken:jjwt-jackson-0.11.2 from any repository")]
    [InlineData("jwt_library = \"jjwt-jackson-0.11.2\"")]
    public void A_version_stays_as_it_is(string text)
    {
        Assert.Same(text, Redactor.Default.Redact(text));
    }

    [Theory]
    [InlineData("git credentialsId: 'a1c2e3f4-5b6d-4e8f-9a0b-1c2d3e4f5a6b', url: 'https://git.example.org/app.git'")]
    [InlineData("git branch: 'main', credentials: 'a1c2e3f4-5b6d-4e8f-9a0b-1c2d3e4f5a6b'")]
    [InlineData("withCredentials([usernamePassword(credentialsId: 'a1c2e3f4-5b6d-4e8f-9a0b-1c2d3e4f5a6b', passwordVariable: 'PASS', usernameVariable: 'USER')]) {")]
    public void A_Jenkins_credentials_GUID_stays_as_it_is(string text)
    {
        Assert.Same(text, Redactor.Default.Redact(text));
    }

    private static string Chars(string alphabet, int length) => new(s_random.GetItems(alphabet.AsSpan(), length));

    private static string Base64(int length) => Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", length);

    private static string Base64Url(int length) => Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", length);
}
