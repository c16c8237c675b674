using System.Text;
using PushNotifi.Mcp.Stdio;

namespace PushNotifi.Mcp.Tests.OutOfProcess;

/// <summary>
/// Every line on the built server's stdin gets an answer: -32700 for text that is not JSON, -32600 for JSON that is not
/// a valid message or a line over the limit; and the server goes on answering the lines after it.
/// </summary>
public class ProtocolErrorTests
{
    public static TheoryData<string, int, string?> BadLines => new()
    {
        { "this is not json", -32700, null },
        { """{"jsonrpc":"2.0","id":1,"method":"ping" """, -32700, null },
        { """{"jsonrpc":"2.0","id":1,"method":"ping"} {"jsonrpc":"2.0","id":2,"method":"ping"}""", -32700, null },
        { """{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}""", -32600, null },
        { """{"jsonrpc":"2.0","id":[1],"method":"ping"}""", -32600, null },
        { """{"jsonrpc":"2.0","id":1.5,"method":"ping"}""", -32600, null },
        { """[{"jsonrpc":"2.0","id":1,"method":"ping"}]""", -32600, null },
        { "42", -32600, null },
        { "null", -32600, null },
        { """{"id":5,"method":"ping"}""", -32600, "5" },
        { """{"jsonrpc":"1.0","id":"a","method":"ping"}""", -32600, "\"a\"" },
        { """{"jsonrpc":2,"id":"b","method":"ping"}""", -32600, "\"b\"" },
        { """{"jsonrpc":"2.0","id":6,"method":42}""", -32600, "6" },
        { """{"jsonrpc":"2.0","id":7}""", -32600, "7" },
        { """{"jsonrpc":"2.0","id":8,"method":"ping","\ud800":1}""", -32600, "8" },
        { "{\"jsonrpc\":\"2.0\",\r\"id\":9,\"method\":\"ping\"}", -32600, null },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task A_line_that_is_not_a_valid_message_is_answered_with_its_error_and_the_next_line_still_is(string line, int code, string? id)
    {
        await using var server = await RawStdioServer.StartAsync();

        await server.SendAsync(line);
        var error = await server.ReadAsync();

        Assert.Equal("2.0", (string?)error["jsonrpc"]);
        Assert.Equal(id ?? "null", error["id"]?.ToJsonString() ?? "null");
        Assert.Equal(code, (int?)error["error"]?["code"]);
        Assert.StartsWith(code == -32700 ? "Parse error: " : "Invalid Request: ", (string?)error["error"]?["message"], StringComparison.Ordinal);
        Assert.Null(error["result"]);
        Assert.Equal(99, (int?)(await server.PingAsync(99))["id"]);
    }

    [Fact]
    public async Task Blank_lines_and_crlf_endings_are_no_errors()
    {
        await using var server = await RawStdioServer.StartAsync();

        await server.SendAsync(Encoding.UTF8.GetBytes("\n \t\r\n" + """{"jsonrpc":"2.0","id":3,"method":"ping"}""" + "\r\n"));

        var answer = await server.ReadAsync();
        Assert.Equal(3, (int?)answer["id"]);
        Assert.NotNull(answer["result"]);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_before_the_first_line_is_no_error()
    {
        // Some Windows pipes start with one; the initialize line after it must be answered as usual.
        await using var server = await RawStdioServer.StartAsync(first: [0xEF, 0xBB, 0xBF]);

        Assert.Equal(4, (int?)(await server.PingAsync(4))["id"]);
    }

    [Theory]
    [InlineData(StdinLineFilter.MaxLineBytes, true)]
    [InlineData(StdinLineFilter.MaxLineBytes + 1, false)]
    [InlineData(100_000_000, false)]
    public async Task A_line_over_the_limit_is_refused_unread_and_the_next_line_is_answered(int lineBytes, bool answered)
    {
        await using var server = await RawStdioServer.StartAsync();

        await server.SendAsync(PaddedPing(1, lineBytes));
        var first = await server.ReadAsync();
        var second = await server.PingAsync(2);

        if (answered)
        {
            Assert.Equal(1, (int?)first["id"]);
            Assert.NotNull(first["result"]);
        }
        else
        {
            Assert.Equal("null", first["id"]?.ToJsonString() ?? "null");
            Assert.Equal(-32600, (int?)first["error"]?["code"]);
            Assert.Contains("longer than 4194304 bytes", (string?)first["error"]?["message"], StringComparison.Ordinal);
        }

        Assert.Equal(2, (int?)second["id"]);
        Assert.NotNull(second["result"]);
    }

    /// <summary>A ping exactly <paramref name="lineBytes"/> long, newline excluded: padded in its params.</summary>
    private static byte[] PaddedPing(int id, int lineBytes)
    {
        var head = Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":{{id}},"method":"ping","params":{"pad":" """.TrimEnd());
        var tail = "\"}}\n"u8;
        var line = new byte[lineBytes + 1];
        head.CopyTo(line, 0);
        line.AsSpan(head.Length, lineBytes - head.Length - (tail.Length - 1)).Fill((byte)'x');
        tail.CopyTo(line.AsSpan(lineBytes + 1 - tail.Length));
        return line;
    }
}
