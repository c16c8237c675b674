namespace PushNotifi.Templates.Tests;

/// <summary>One collection, so every test shares the environment.</summary>
[CollectionDefinition(Name)]
public sealed class TemplateTestGroup : ICollectionFixture<TemplateEnvironment>
{
    public const string Name = "templates";
}
