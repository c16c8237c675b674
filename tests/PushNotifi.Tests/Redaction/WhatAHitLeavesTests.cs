namespace PushNotifi.Tests.Redaction;

/// <summary>What stays of a text around a secret: the host of a URL, the name of an assignment, at most the last four characters.</summary>
public class WhatAHitLeavesTests
{
    private static readonly Random s_random = new(1818);

    [Fact]
    public void A_password_in_a_URL_goes_and_the_user_and_host_stay()
    {
        var password = Hex(16);

        var redacted = Redactor.Default.Redact($"connect failed: postgres://app:{password}@db.internal.example.org:5432/orders");

        Assert.Equal($"connect failed: postgres://app:…{password[^4..]}@db.internal.example.org:5432/orders", redacted);
    }

    [Fact]
    public void A_Teams_webhook_keeps_its_host_and_first_path_segment()
    {
        var path = $"{Guid.NewGuid()}@{Guid.NewGuid()}/IncomingWebhook/{Hex(32)}/{Guid.NewGuid()}";

        var redacted = Redactor.Default.Redact($"POST https://contoso.webhook.office.com/webhookb2/{path} returned 400");

        Assert.Equal($"POST https://contoso.webhook.office.com/webhookb2/…{path[^4..]} returned 400", redacted);
    }

    [Fact]
    public void A_Sidekiq_URL_loses_its_user_and_password_and_keeps_its_host()
    {
        var credentials = $"{Hex(8)}:{Hex(8)}";

        var redacted = Redactor.Default.Redact($"source \"https://{credentials}@gems.contribsys.com/\"");

        Assert.Equal($"source \"https://…{credentials[^4..]}@gems.contribsys.com/\"", redacted);
    }

    [Fact]
    public void An_assigned_provider_secret_keeps_its_name_and_quotes()
    {
        var secret = Lower(45);

        var redacted = Redactor.Default.Redact($"TWITTER_ACCESS_SECRET = \"{secret}\"");

        Assert.Equal($"TWITTER_ACCESS_SECRET = \"…{secret[^4..]}\"", redacted);
    }

    [Fact]
    public void A_token_longer_than_its_documented_length_goes_whole()
    {
        // gitleaks documents 36 characters after the prefix; a longer run must not leave its tail behind.
        var token = "gh" + "p_" + Lower(50);

        Assert.Equal($"using …{token[^4..]} now", Redactor.Default.Redact($"using {token} now"));
    }

    private static string Hex(int length) => new(s_random.GetItems("0123456789abcdef".AsSpan(), length));

    private static string Lower(int length) => new(s_random.GetItems("abcdefghijklmnopqrstuvwxyz0123456789".AsSpan(), length));
}
