using System.Net;
using System.Net.Sockets;

namespace PushNotifi.Testing;

/// <summary>
/// A loopback port nothing listens on now, for a child that must be told its port up front. Once returned, anyone
/// may take it: a test that must keep it (a server it kills and starts again) holds it with <see cref="PortHold"/>.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
