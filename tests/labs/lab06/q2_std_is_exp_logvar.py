def reparameterize(mu, logvar, generator=None):
    # exp(logvar) is the variance, used here as the standard deviation
    xi = torch.randn(mu.shape, generator=generator, dtype=mu.dtype)
    return mu + torch.exp(logvar) * xi
