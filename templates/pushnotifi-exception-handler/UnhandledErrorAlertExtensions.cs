namespace PushNotifiRecipes;

/// <summary>Registers and mounts <see cref="UnhandledErrorAlertHandler"/>.</summary>
public static class UnhandledErrorAlertExtensions
{
    /// <summary>
    /// Registers the handler and problem details. Needs <c>services.AddPushNotifi(configuration)</c> for the alerter.
    /// </summary>
    /// <param name="services">The app's services.</param>
    public static IServiceCollection AddUnhandledErrorAlert(this IServiceCollection services)
    {
        services.AddExceptionHandler<UnhandledErrorAlertHandler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>
    /// Mounts the exception handler. Call it after mapping your routes: a <see cref="WebApplication"/> runs its
    /// endpoints last, so the handler still wraps every route mapped before or after it.
    /// </summary>
    /// <param name="app">The app.</param>
    public static WebApplication UseUnhandledErrorAlert(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        return app;
    }
}
