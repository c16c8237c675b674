// Placeholder entry point; replaced by the sandbox implementation.
return 0;
