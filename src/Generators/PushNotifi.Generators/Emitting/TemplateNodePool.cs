namespace PushNotifi.Generators.Emitting;

/// <summary>
/// Template data nodes reused from one method to the next on a thread: after the first methods, describing a
/// method allocates no nodes. A node handed out is valid until <see cref="Reset"/>.
/// </summary>
internal sealed class TemplateNodePool
{
    private readonly List<TemplateNode> _nodes = new();
    private int _used;

    public TemplateNode Rent()
    {
        if (_used == _nodes.Count)
        {
            _nodes.Add(new TemplateNode(capacity: 8));
        }

        var node = _nodes[_used++];
        node.Clear();
        return node;
    }

    /// <summary>Takes every node back; the caller must hold none of them any more.</summary>
    public void Reset() => _used = 0;
}
