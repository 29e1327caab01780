def update_target(online, target, tau):
    import copy
    target = copy.deepcopy(online)       # rebinds the local name: the caller's target never changes
