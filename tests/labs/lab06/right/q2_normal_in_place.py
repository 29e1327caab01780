def reparameterize(mu, logvar, generator=None):
    xi = torch.empty_like(mu).normal_(generator=generator)
    return xi * logvar.mul(0.5).exp() + mu
