using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// Another site on this machine, for the browser tests: serves one page at <c>/</c>. Reached as <c>localhost</c> while
/// the sandbox is <c>127.0.0.1</c>, so the browser treats it as cross-site, as it would a page from the internet.
/// </summary>
internal sealed class OtherOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtherOrigin(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<OtherOrigin> StartAsync(string html)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(html);
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        return new OtherOrigin(app, $"http://localhost:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
