using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PushNotifi.Sandbox.Api;

/// <summary>Error answers of the wire contract.</summary>
internal static class ApiResults
{
    public static JsonHttpResult<ApiError> Error(int status, string code, string message) => Error(status, new ApiError(message, code));

    public static JsonHttpResult<ApiError> Error(int status, ApiError error) =>
        TypedResults.Json(error, WireJsonContext.Default.ApiError, statusCode: status);
}
