namespace PushNotifi.Sandbox.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Placeholder_is_replaced_by_real_tests() => Assert.True(typeof(PlaceholderTests).Assembly.GetName().Name == "PushNotifi.Sandbox.Tests");
}
