using System.Text;

namespace PushNotifi.Benchmarks;

/// <summary>Deterministic log-like texts for the redactor, with or without secrets spread through them.</summary>
internal static class BenchTexts
{
    private static readonly string[] s_words =
    [
        "job", "nightly", "export", "started", "finished", "retry", "attempt", "queue", "worker", "batch",
        "rows", "copied", "timeout", "connection", "database", "request", "response", "status", "ok", "error",
        "GET", "POST", "/api/v1/orders", "200", "503", "elapsed", "ms", "user", "tenant", "region",
    ];

    /// <summary>
    /// The ten secrets planted in a text: the four configured keys plus six secret shapes
    /// (header value, bearer token, URL password, JWT, two prefixed keys).
    /// </summary>
    public static string[] Secrets() =>
    [
        BenchKeys.User,
        BenchKeys.Group,
        BenchKeys.Application,
        BenchKeys.WebhookToken,
        "X-API-Key: " + "FAKEheaderVALUE0000000000000000", // split so secret scanners see no literal header
        "Authorization: Bearer FAKEbearerTOKEN000000000000000",
        "https://db.example.invalid/?user=app&password=FAKEpassWORD000",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJGQUtFIn0.FAKEsignature000000000000",
        "sk_live_FAKEstripeKEY0000000000",
        "pk_FAKEpublicKEY000000000000",
    ];

    /// <summary>A text of exactly <paramref name="length"/> characters (ASCII, so also bytes) with the given secrets spread evenly.</summary>
    public static string Create(int length, IReadOnlyList<string> secrets)
    {
        var random = new Random(20261125);
        var builder = new StringBuilder(length + 256);
        var secretBudget = secrets.Sum(s => s.Length + 2);
        var gap = (length - secretBudget) / (secrets.Count + 1);
        var next = 0;
        while (builder.Length < length)
        {
            if (next < secrets.Count && builder.Length >= gap * (next + 1))
            {
                builder.Append(' ').Append(secrets[next++]).Append(' ');
                continue;
            }

            builder.Append(s_words[random.Next(s_words.Length)]).Append(random.Next(4) == 0 ? '\n' : ' ');
        }

        if (next != secrets.Count)
        {
            throw new InvalidOperationException($"Only {next} of {secrets.Count} secrets fit in {length} characters.");
        }

        builder.Length = length;
        return builder.ToString();
    }

    /// <summary>
    /// A typical exception message of about 1 KB as an alert carries it: an HTTP failure with its URL, a SQL error with a
    /// connection string and a stack trace. With <paramref name="withSecret"/> the connection string holds a password and
    /// the request an <c>Authorization</c> header; without, both are absent.
    /// </summary>
    public static string ExceptionMessage(bool withSecret)
    {
        var credentials = withSecret ? "Password=FAKEpassWORD0042;" : "Integrated Security=true;";
        var header = withSecret ? "Authorization: Bearer FAKEbearerTOKEN0000000000000042" : "Accept: application/json";
        var text = $"""
            System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).
            Request: POST https://orders.internal.example/api/v1/orders/batch?tenant=42&region=eu-west-1 ({header})
             ---> Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related error occurred while establishing a connection to SQL Server. Server=db-01.internal;Database=orders;User Id=app;{credentials}
               at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection)
               at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj)
               at Orders.Export.NightlyJob.RunCoreAsync(String jobName, String runId, CancellationToken cancellationToken) in /src/Orders/Export/NightlyJob.cs:line 87
               at Orders.Export.NightlyJob.RunAsync(String jobName, String runId, CancellationToken cancellationToken)
               at System.Threading.Tasks.Task.ExecuteWithThreadLocal(Task& currentTaskSlot, Thread threadPoolThread)
            """;
        return text.PadRight(1024, ' ')[..1024];
    }

    /// <summary>
    /// <paramref name="count"/> fake secrets of 16 shapes in turn, as a text dense with secrets holds them: gitleaks-style
    /// prefixed tokens (GitHub, GitLab, Slack, Stripe, DigitalOcean, npm, Google, Hugging Face, AWS), provider and generic
    /// assignments, a password, a bearer token, a URL password and a JWT. Prefixes are joined and bodies drawn at run
    /// time (seeded), so no live-format secret sits in source.
    /// </summary>
    public static (string Text, string Secret)[] DenseSecrets(int count)
    {
        var random = new Random(18);
        string Draw(string alphabet, int length) => new(random.GetItems(alphabet.AsSpan(), length));
        const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
        const string Hex = "0123456789abcdef";
        // Each shape: the text before the drawn part, the drawn part (the secret), and the text after it.
        Func<(string Before, string Secret, string After)>[] shapes =
        [
            () => ("", "gh" + "p_" + Draw(Alnum, 36), ""),
            () => ("", "gl" + "pat-" + Draw(Alnum, 20), ""),
            () => ("", "xo" + "xb-" + Draw("0123456789", 12) + "-" + Draw("0123456789", 13) + "-" + Draw(Alnum, 24), ""),
            () => ("", "sk" + "_live_" + Draw(Alnum, 24), ""),
            () => ("", "dop" + "_v1_" + Draw(Hex, 64), ""),
            () => ("", "np" + "m_" + Draw(Alnum, 36), ""),
            () => ("", "AI" + "za" + Draw(Alnum + "_-", 35), ""),
            () => ("", "h" + "f_" + Draw("abcdefghijklmnopqrstuvwxyz", 34), ""),
            () => ("", "AK" + "IA" + Draw("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), ""),
            () => ("TWITTER_API_SECRET=\"", Draw(Lower, 45), "\""),
            () => ("heroku_api_key: ", new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)).ToString(), ""),
            () => ("api_token = '", Draw(Alnum, 32), "'"),
            () => ("password=", Draw(Alnum, 14), ""),
            () => ("Authorization: Bearer ", Draw(Alnum, 32), ""),
            () => ("https://deploy:", Draw(Alnum, 12), "@db.example.invalid/orders"),
            () => ("", "ey" + "JhbGciOiJIUzI1NiJ9.ey" + "JzdWIiOiJGQUtFIn0." + Draw(Alnum + "_-", 43), ""),
        ];
        return [.. Enumerable.Range(0, count).Select(i => shapes[i % shapes.Length]()).Select(s => (s.Before + s.Secret + s.After, s.Secret))];
    }

    /// <summary>
    /// A text of <paramref name="length"/> characters made only of what makes the redactor work: keywords, separators,
    /// secret-shaped values and half-finished shapes (a key header with no body, a JWT's first part, a URL with no
    /// password), drawn in a seeded order. Prefixes are joined at run time, so no live-format secret sits in source.
    /// </summary>
    public static string KeywordDense(int length)
    {
        string[] fragments =
        [
            "token=", "password ", "authorization:", "bearer ", "-----BEGIN ", "PRIVATE KEY-----", "://", "ey" + "J", "sk" + "_",
            "sk-", "-u ", "$", "a", "9", "…", "X-API-Key: " + "abcdefghijklmnop" + "1234", "Authorization: Bearer " + "qwertyuiop" + "123456",
            "token=tok_abcdefgh1234", "password=Hunter2IsSecret", "twitter_secret = '", "api_key: ", "gh" + "p_", "xo" + "xb-", "=", ":", " ", "\"",
        ];
        var random = new Random(1818);
        var builder = new StringBuilder(length + 64);
        while (builder.Length < length)
        {
            builder.Append(fragments[random.Next(fragments.Length)]);
        }

        builder.Length = length;
        return builder.ToString();
    }
}
