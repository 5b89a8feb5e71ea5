// The API reference page: Swagger UI on the description this server serves. "Try it out" sends requests from the
// browser to this same server, so they log in like the desktop (the browser asks for the Basic credentials, or
// uses the session cookie of a desktop logged in in another tab).
window.ui = SwaggerUIBundle({
  url: new URL("api/v2/openapi.json", document.baseURI).href,
  dom_id: "#swagger-ui",
  deepLinking: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
  tryItOutEnabled: false,
});
