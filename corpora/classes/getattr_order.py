# Attribute lookup order: data descriptors, instance dict, class attributes, __getattr__.
class P:
    cls_attr = "class"
    @property
    def prop(self):
        return "property"
    def __getattr__(self, name):
        return "fallback:" + name
p = P()
p.__dict__ if False else None
p.inst = "instance"
print(p.prop, p.inst, p.cls_attr, p.missing)
p.cls_attr = "shadowed"
print(p.cls_attr, P.cls_attr)
del p.cls_attr
print(p.cls_attr)
try:
    p.prop = 1
except AttributeError as e:
    print("AttributeError", e)
class Q(P):
    cls_attr = "sub"
print(Q().cls_attr, Q().prop, Q().other)
print(getattr(p, "inst"), getattr(Q(), "x", "unused default"), hasattr(p, "anything"))
