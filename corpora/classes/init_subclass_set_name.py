# __init_subclass__ hook with keyword arguments and __set_name__ on descriptors.
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None):
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class First(Plugin):
    pass
class Second(Plugin, name="custom"):
    pass
print(Plugin.registry, First.plugin_name, Second.plugin_name)
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return "%s.%s" % (self.owner, self.name)
class Model:
    title = Field()
    body = Field()
m = Model()
print(m.title, m.body, Model.title.name)
