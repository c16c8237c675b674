using System.Net;
using System.Net.Sockets;

namespace PushNotifi.Testing;

/// <summary>
/// A loopback port bound but not listening: the system hands it to no other bind(0) or outgoing connection, and a
/// connection to it is refused as if nothing were there. A server child can still bind and listen on it (both set
/// SO_REUSEADDR and neither listens yet), so a test holds its server's port while the server is starting or dead.
/// </summary>
internal sealed class PortHold : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    /// <summary>Holds <paramref name="port"/>, or a port the system picks when it is 0.</summary>
    public PortHold(int port = 0)
    {
        try
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
