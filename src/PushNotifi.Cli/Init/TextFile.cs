using System.Text;

namespace PushNotifi.Cli.Init;

/// <summary>
/// A text file read for appending: its exact bytes, its lines and its line-ending style. Appending
/// never re-encodes the existing bytes, so unknown encodings and odd line endings survive untouched.
/// </summary>
internal sealed class TextFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private TextFile(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
        var text = Utf8NoBom.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        NewLine = DetectNewLine(text);
        EndsWithNewLine = text.Length == 0 || text.EndsWith('\n');
        Lines = text.Length == 0
            ? []
            : text.TrimEnd('\n').Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>True when the file existed when read.</summary>
    public bool Exists { get; private init; }

    /// <summary>The file's content as read.</summary>
    public byte[] Bytes { get; }

    /// <summary>The file's lines without their terminators.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary><c>"\r\n"</c> when the file already uses CRLF, otherwise <c>"\n"</c>.</summary>
    public string NewLine { get; }

    /// <summary>True when the file is empty or its last line is terminated.</summary>
    public bool EndsWithNewLine { get; }

    /// <summary>Reads <paramref name="path"/>; a missing file reads as empty.</summary>
    public static TextFile Read(string path)
    {
        if (!File.Exists(path))
        {
            return new TextFile(path, []);
        }

        return new TextFile(path, File.ReadAllBytes(path)) { Exists = true };
    }

    /// <summary>
    /// The file's bytes followed by <paramref name="block"/>, one line each, in the file's line-ending
    /// style. A missing final newline is added first; a blank line separates the block from earlier text.
    /// </summary>
    public byte[] Append(IReadOnlyList<string> block)
    {
        var appended = new StringBuilder();
        if (!EndsWithNewLine)
        {
            appended.Append(NewLine);
        }

        if (Lines.Count > 0 && Lines[^1].Trim().Length > 0)
        {
            appended.Append(NewLine);
        }

        foreach (var line in block)
        {
            appended.Append(line).Append(NewLine);
        }

        return [.. Bytes, .. Utf8NoBom.GetBytes(appended.ToString())];
    }

    private static string DetectNewLine(string text)
    {
        var firstLineFeed = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLineFeed > 0 && text[firstLineFeed - 1] == '\r' ? "\r\n" : "\n";
    }
}
