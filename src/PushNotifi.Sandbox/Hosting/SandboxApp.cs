using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PushNotifi.Sandbox.Api;
using PushNotifi.Sandbox.Inspection;
using PushNotifi.Sandbox.Web;

namespace PushNotifi.Sandbox.Hosting;

/// <summary>The one place that builds the sandbox web app, for both in-process hosting and Program.</summary>
internal static class SandboxApp
{
    public static WebApplication Build(SandboxOptions options, SandboxState state)
    {
        // The empty builder reads no appsettings/env config and watches no files: fast to start,
        // safe to start many times in one test process, and nothing else changes the keys.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Kestrel's own body limit (with or without a Content-Length): 413 past what any valid request needs.
        builder.WebHost.UseKestrelCore().UseUrls(options.Urls)
            .ConfigureKestrel(o => o.Limits.MaxRequestBodySize = SandboxLimits.RequestBodyMaxBytes);
        builder.Services.AddRoutingCore();
        // The empty builder adds no host filtering: without it a DNS-rebinding page could read and drive the sandbox.
        builder.Services.AddHostFiltering(o => o.AllowedHosts = [.. SandboxOptions.LoopbackHosts, .. options.AllowedHosts, .. BoundHosts(options.Urls)]);
        builder.Services.AddSingleton(state);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        if (options.LogToConsole)
        {
            // Framework categories stay at Warning: their request lines would show webhook tokens in paths.
            builder.Logging
                .AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                })
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter("System", LogLevel.Warning);
        }

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILogger<SandboxServer>>();
        var traffic = new ApiTrafficMiddleware(state, logger);
        app.Use(FrameHeaders.InvokeAsync);
        app.UseHostFiltering();
        app.Use(CrossSiteGuard.InvokeAsync);
        app.Use((context, next) => traffic.InvokeAsync(context, next));
        app.UseRouting();
        app.MapApi(state, logger);
        app.MapInspection(state);
        app.MapEventStream(state, app.Lifetime);
        app.MapInboxPage();
        return app;
    }

    // A name or address given in Urls was meant to be used; the wildcards (0.0.0.0, [::], *, +) name nothing.
    private static IEnumerable<string> BoundHosts(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => BindingAddress.Parse(url).Host)
            .Where(host => host is not ("0.0.0.0" or "[::]" or "*" or "+"));
}
