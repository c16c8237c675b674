namespace PushNotifi.Tooling;

/// <summary>Test-only assertions on the shared <see cref="ChildResult"/>.</summary>
internal sealed partial record ChildResult
{
    public ChildResult EnsureSuccess()
    {
        Assert.True(ExitCode == 0, Describe());
        return this;
    }
}
