namespace PushNotifi.Templates.Tests;

/// <summary>
/// One collection, so every test shares the environment (the installed templates and the local feed) and the
/// template builds, each a CPU-heavy <c>dotnet build</c>, run one at a time on a 2-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TemplateTestGroup : ICollectionFixture<TemplateEnvironment>
{
    public const string Name = "templates";
}
