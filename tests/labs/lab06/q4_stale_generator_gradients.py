def gan_step(G, D, opt_G, opt_D, real, z):
    opt_G.zero_grad()
    opt_D.zero_grad()
    logits_real, logits_fake = D(real), D(G(z))          # not detached: loss_D's gradient reaches G
    loss_D = (F.binary_cross_entropy_with_logits(logits_real, torch.ones_like(logits_real))
              + F.binary_cross_entropy_with_logits(logits_fake, torch.zeros_like(logits_fake)))
    loss_D.backward()
    opt_D.step()
    logits = D(G(z))
    loss_G = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits))
    loss_G.backward()                                    # added to what loss_D left in G's .grad
    opt_G.step()
    return loss_D.item(), loss_G.item()
