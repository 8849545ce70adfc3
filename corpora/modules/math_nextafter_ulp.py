# nextafter and ulp: neighbouring floats, subnormals, the largest float.
import math

print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0))
print(math.nextafter(1.0, 1.0), math.nextafter(-0.0, 0.0), math.nextafter(1e308 * 10, 0))
print(math.nextafter(1.7976931348623157e308, math.inf), math.isnan(math.nextafter(math.nan, 1)))
print(math.ulp(1.0), math.ulp(-1.0), math.ulp(0.0), math.ulp(2**52), math.ulp(1e300))
print(math.ulp(1.7976931348623157e308), math.ulp(math.inf), math.isnan(math.ulp(math.nan)), math.ulp(5e-324))
print(1.0 + math.ulp(1.0) == math.nextafter(1.0, 2.0), math.ulp(3) == 2 * math.ulp(1.5))
