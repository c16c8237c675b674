using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PushNotifi.Tests.Redaction;

namespace PushNotifi.Tests;

public class RedactorProperties
{
    private static readonly Redactor s_redactor = Redactor.ForOptions(TestKeys.Options(userKey: TestKeys.Canary));

    private static readonly Func<string, string>[] s_encodings =
    [
        s => s,
        s => s.ToUpperInvariant(),
        Uri.EscapeDataString,
        s => JsonEncodedText.Encode(s).ToString(),
        s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)),
        s => $"X-API-Key: {s}",
        s => $"https://api.example/?token={s}&x=1",
        s => $"{{\"user_key\":\"{s}\"}}",
    ];

    private static readonly string[] s_shapes =
    [
        "X-API-Key: abcdefghijklmnop1234", "Authorization: Bearer qwertyuiop123456", "token=tok_abcdefgh1234",
        "password=Hunter2IsSecret", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig_nature", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "…", "=", ":", " ", "\"", TestKeys.Canary, "uCANARY",
    ];

    private static readonly RedactionCase[] s_secretCases = [.. RedactionCorpus.Cases.Where(c => c.Secret is not null)];

    private static Gen<string> Noise => ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);

    private static Gen<string> ShapedText =>
        Gen.OneOf(Noise, Gen.Elements(s_shapes)).ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 300)]
    public Property The_canary_never_survives_in_any_position_or_encoding() =>
        Prop.ForAll(
            Noise.ToArbitrary(),
            Noise.ToArbitrary(),
            Gen.Choose(0, s_encodings.Length - 1).ToArbitrary(),
            (prefix, suffix, encoding) =>
            {
                var redacted = s_redactor.Redact(prefix + s_encodings[encoding](TestKeys.Canary) + suffix);
                return !redacted.Contains(TestKeys.Canary, StringComparison.OrdinalIgnoreCase)
                    && !redacted.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes(TestKeys.Canary)).TrimEnd('='), StringComparison.Ordinal);
            });

    [Property(MaxTest = 300)]
    public Property Redaction_never_lengthens_text_and_is_idempotent() =>
        Prop.ForAll(ShapedText.ToArbitrary(), text =>
        {
            var once = s_redactor.Redact(text);
            return once.Length <= text.Length && s_redactor.Redact(once) == once;
        });

    [Property(MaxTest = 300)]
    public Property Plain_prose_is_left_alone() =>
        Prop.ForAll(
            Gen.Elements("disk", "full", "on", "web", "backup", "failed", "retry", "in", "5", "minutes", "job", "ok").ListOf().ToArbitrary(),
            words =>
            {
                var text = string.Join(' ', words);
                return s_redactor.Redact(text) == text;
            });

    [Property(MaxTest = 200)]
    public Property Provider_secrets_never_survive_whatever_surrounds_them() =>
        Prop.ForAll(
            Gen.Elements(s_secretCases).ToArbitrary(),
            Noise.ToArbitrary(),
            Noise.ToArbitrary(),
            (secretCase, prefix, suffix) =>
            {
                var redacted = Redactor.Default.Redact($"{prefix}\n{secretCase.Text}\n{suffix}");
                return secretCase.IsRedactedIn(redacted) && Redactor.Default.Redact(redacted) == redacted;
            });
}
