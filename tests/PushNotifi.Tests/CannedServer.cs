using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PushNotifi.Tests;

/// <summary>
/// A loopback HTTP server that answers every request with one fixed JSON body: for wire shapes the sandbox does
/// not send (it answers as the real API does), such as older deployments' wrapped lists.
/// </summary>
internal sealed class CannedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _body;
    private readonly Task _loop;

    internal CannedServer(string body)
    {
        _body = body;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    internal string BaseUrl { get; }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(_body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
